/** A declared lot competing for an offer's demand. */
export interface AllocationCandidate {
  declarationId: string;
  declared: number;
  registeredPoor: boolean;
  /** Non-market income ÷ poverty line: smaller is poorer and is served earlier. */
  povertyRatio: number;
}

function waterFill(
  tier: readonly AllocationCandidate[],
  units: number,
  out: Map<string, number>,
): void {
  const bySize = [...tier].sort((a, b) => a.declared - b.declared);
  let remaining = units;
  while (bySize.length > 0) {
    const share = Math.floor(remaining / bySize.length);
    const smallest = bySize[0] as AllocationCandidate;
    if (smallest.declared <= share) {
      out.set(smallest.declarationId, smallest.declared);
      remaining -= smallest.declared;
      bySize.shift();
      continue;
    }
    for (const c of bySize) out.set(c.declarationId, share);
    remaining -= share * bySize.length;
    // Units that do not divide evenly go one each to the poorest.
    for (const c of tier) {
      if (remaining === 0) break;
      if (bySize.includes(c)) {
        out.set(c.declarationId, (out.get(c.declarationId) ?? 0) + 1);
        remaining -= 1;
      }
    }
    return;
  }
}

/**
 * Pro-poor allocation of `demand` units over declared lots (DESIGN.md, "Close and allocate"):
 * registered-poor households first, then the rest; inside each tier, when declarations exceed
 * what is left, an equal share for everyone (water-filling: nobody gets more than declared) and
 * leftover units to those furthest below the poverty line. When demand is thin, only the poorest
 * households who can each get at least `minimumLot` units are served, so lots stay worth the trip
 * to the intake. Returns units per declaration id
 * (absent = none); the sum is min(demand, Σ declared).
 */
export function allocateProPoor(
  demand: number,
  candidates: readonly AllocationCandidate[],
  minimumLot = 1,
): Map<string, number> {
  const out = new Map<string, number>();
  const byNeed = (a: AllocationCandidate, b: AllocationCandidate) =>
    a.povertyRatio - b.povertyRatio;
  const tiers = [
    candidates.filter((c) => c.registeredPoor).sort(byNeed),
    candidates.filter((c) => !c.registeredPoor).sort(byNeed),
  ];
  let remaining = demand;
  for (const tier of tiers) {
    if (remaining <= 0) break;
    const total = tier.reduce((sum, c) => sum + c.declared, 0);
    if (total <= remaining) {
      for (const c of tier) out.set(c.declarationId, c.declared);
      remaining -= total;
    } else {
      // Only as many households as can get a worthwhile lot (at least `minimumLot` units each), poorest first.
      let k = Math.min(tier.length, Math.max(1, Math.floor(remaining / minimumLot)));
      while (
        k < tier.length &&
        tier.slice(0, k).reduce((sum, c) => sum + c.declared, 0) < remaining
      )
        k++;
      waterFill(tier.slice(0, k), remaining, out);
      remaining = 0;
    }
  }
  return out;
}
