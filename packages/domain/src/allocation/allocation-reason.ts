/**
 * Why a household's lot got its place in the pro-poor serving order (see {@link allocateVariant}).
 * - `REGISTERED_POOR`: registered poor (建档立卡) in the income's year: served first.
 * - `BY_INCOME`: not registered poor, per-capita net income known: by income against the line.
 * - `INCOME_UNKNOWN`: not registered poor and no income on record: served last.
 */
export type AllocationTier = "REGISTERED_POOR" | "BY_INCOME" | "INCOME_UNKNOWN";

/** The tiers in serving order. */
export const ALLOCATION_TIERS: readonly AllocationTier[] = [
  "REGISTERED_POOR",
  "BY_INCOME",
  "INCOME_UNKNOWN",
];

/** Width of an income band as a fraction of the poverty line: bands are 0.25 of the line wide. */
export const INCOME_BAND_WIDTH = 0.25;

/**
 * The structured reason of one lot's rank.
 * - `ratioBasisPoints`: per-capita net income ÷ poverty line in basis points (10 000 = on the
 *   line), rounded half away from zero; null when the income is unknown.
 * - `band`: ⌊income ÷ line ÷ 0.25⌋ computed exactly (0 = below a quarter of the line, 4 = from
 *   the line to 1.25 × the line); null when the income is unknown.
 * - `rotationPosition` / `groupSize`: place (1-based) within the households of the same tier and
 *   band after this cycle's rotation, and how many share that tier and band.
 * - `cycleSequence`: the cycle's sequence number that set the rotation.
 */
export interface AllocationReason {
  readonly tier: AllocationTier;
  readonly ratioBasisPoints: number | null;
  readonly band: number | null;
  readonly rotationPosition: number;
  readonly groupSize: number;
  readonly cycleSequence: number;
}

/**
 * The neutral, machine-readable text stored with an allocation (`Allocation.reason`), e.g.
 * `rank=2;tier=BY_INCOME;ratio=10435;band=4;rotation=1/2;cycle=17` (ratio in basis points,
 * `-` when unknown). {@link parseAllocationReason} reads it back; {@link describeAllocationReason}
 * turns it into a sentence for people.
 */
export function formatAllocationReason(rank: number, reason: AllocationReason): string {
  const orDash = (value: number | null) => (value === null ? "-" : String(value));
  return [
    `rank=${rank}`,
    `tier=${reason.tier}`,
    `ratio=${orDash(reason.ratioBasisPoints)}`,
    `band=${orDash(reason.band)}`,
    `rotation=${reason.rotationPosition}/${reason.groupSize}`,
    `cycle=${reason.cycleSequence}`,
  ].join(";");
}

/**
 * Reads a text written by {@link formatAllocationReason}.
 *
 * @returns `{ rank, reason }`, or null when the text is not in that form.
 */
export function parseAllocationReason(
  text: string,
): { rank: number; reason: AllocationReason } | null {
  const fields = new Map(
    text.split(";").map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)] as const;
    }),
  );
  const int = (value: string | undefined): number | null =>
    value !== undefined && /^-?\d+$/.test(value) ? Number(value) : null;
  const tier = fields.get("tier") as AllocationTier | undefined;
  const [position, size] = (fields.get("rotation") ?? "").split("/");
  const rank = int(fields.get("rank"));
  const rotationPosition = int(position);
  const groupSize = int(size);
  const cycleSequence = int(fields.get("cycle"));
  if (
    rank === null ||
    tier === undefined ||
    !ALLOCATION_TIERS.includes(tier) ||
    rotationPosition === null ||
    groupSize === null ||
    cycleSequence === null
  )
    return null;
  return {
    rank,
    reason: {
      tier,
      ratioBasisPoints: int(fields.get("ratio")),
      band: int(fields.get("band")),
      rotationPosition,
      groupSize,
      cycleSequence,
    },
  };
}

function percent(basisPoints: number): string {
  return `${Math.round(basisPoints / 100)}%`;
}

/**
 * One sentence explaining a rank, for staff and households, in Chinese or English, e.g.
 * "第 2 位：非建档立卡户，人均纯收入为贫困线的 104%（第 5 档，100%–125%）；同档 2 户按周期轮换，本周期排第 1。"
 */
export function describeAllocationReason(
  rank: number,
  reason: AllocationReason,
  locale: "zh-CN" | "en",
): string {
  const { tier, ratioBasisPoints: ratio, band } = reason;
  const from = band === null ? "" : percent(band * 2500);
  const to = band === null ? "" : percent((band + 1) * 2500);
  if (locale === "zh-CN") {
    const who =
      tier === "REGISTERED_POOR"
        ? "建档立卡贫困户，优先供货"
        : tier === "BY_INCOME"
          ? "非建档立卡户"
          : "非建档立卡户，没有收入记录，排在有收入记录的农户之后";
    const income =
      ratio === null || band === null
        ? ""
        : `，人均纯收入为贫困线的 ${percent(ratio)}（第 ${band + 1} 档，${from}–${to}）`;
    return `第 ${rank} 位：${who}${income}；同档 ${reason.groupSize} 户按周期轮换，本周期排第 ${reason.rotationPosition}。`;
  }
  const who =
    tier === "REGISTERED_POOR"
      ? "registered poor, served first"
      : tier === "BY_INCOME"
        ? "not registered poor"
        : "not registered poor, no income on record, served after those with one";
  const income =
    ratio === null || band === null
      ? ""
      : `, per-capita net income ${percent(ratio)} of the poverty line (band ${band + 1}, ${from}–${to})`;
  return `Rank ${rank}: ${who}${income}; ${reason.groupSize} in this band take turns by cycle, position ${reason.rotationPosition} this cycle.`;
}
