import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

/** FNV-1a hash of a label, 32 bits. */
function fnv1a(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  }
  return h;
}

/**
 * The only source of chance in the demo world: a seeded xoroshiro128+ generator (pure-rand).
 * The same seed gives the same sequence on every machine and in every time zone, so the same
 * inputs to `buildDemoWorld` give the same world byte for byte. Never use `Math.random` in the plan.
 */
export class DemoRandom {
  private readonly rng: RandomGenerator;

  /** Starts a stream from a 32-bit integer seed. */
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed | 0);
  }

  /** A stream that depends only on a seed and a label, not on what was drawn before. */
  static derive(seed: number, label: string): DemoRandom {
    return new DemoRandom(fnv1a(label) ^ seed);
  }

  /** An independent stream for one part of the world, so parts do not shift each other. */
  fork(label: string): DemoRandom {
    return new DemoRandom(fnv1a(label) ^ this.int(0, 0x7fffffff));
  }

  /** An integer uniformly drawn from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** A float uniformly drawn from [0, 1). */
  float(): number {
    return uniformInt(this.rng, 0, 0x3fffffff) / 0x40000000;
  }

  /** A float uniformly drawn from [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** One element of a non-empty list, chosen with the given non-negative weights. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weightOf(item), 0);
    let x = this.float() * total;
    for (const item of items) {
      x -= weightOf(item);
      if (x < 0) return item;
    }
    return this.pick(items);
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const a = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = a;
    }
    return copy;
  }

  /** A version-4-shaped UUID whose 122 random bits come from this stream. */
  uuid(): string {
    const words = [0, 0, 0, 0].map(() => this.int(0, 0xffff) * 0x10000 + this.int(0, 0xffff));
    const hex = words.map((w) => w.toString(16).padStart(8, "0")).join("");
    const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
