import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id parameters (OWASP Password Storage Cheat Sheet, 2023: m=19 MiB, t=2, p=1).
 * `algorithm: 2` is argon2id in @node-rs/argon2.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id; returns the PHC string (`$argon2id$v=19$m=…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/**
 * True when `password` matches the stored PHC hash. A malformed hash counts as no match
 * rather than an error, so a damaged row cannot be told apart from a wrong password.
 */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
