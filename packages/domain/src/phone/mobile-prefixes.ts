/**
 * Three-digit prefixes of mainland China mobile numbers (11 digits, 1xx xxxx xxxx) that this
 * market accepts as a person's phone: numbers that can take calls or at least SMS.
 *
 * Source: the MIIT telecommunications numbering plan (电信网编号计划, 2017 edition) and MIIT's
 * later allocations as publicly reported, checked as of 2026-11 from memory of those notices
 * (no network access to re-verify; review when MIIT allocates a new block):
 * - 130–139, 150–153, 155–159, 180–189: the classic ranges of China Mobile, Unicom and Telecom.
 * - 145, 147, 149: mobile-broadband ("data card") ranges of Unicom, Mobile and Telecom; they
 *   receive SMS and many are used in phones, so they count.
 * - 166 (Unicom), 173, 175, 176, 177, 178 (4G-era ranges of the three operators).
 * - 170, 171, 162, 165, 167: ranges of mobile virtual network operators (MVNO, 虚拟运营商).
 * - 190, 191, 193, 195, 196, 197, 198, 199: operator ranges, 190/196/197 allocated in 2019 with
 *   the 5G licences; 192: China Broadnet (中国广电), licensed in 2019.
 *
 * Deliberately not accepted:
 * - 140–144 (13-digit machine-to-machine / IoT numbers), 146, 148 and 172 (IoT data-only ranges):
 *   not a person's phone.
 * - 174 (satellite and emergency-communication numbers, 1740x/1749x).
 * - 154, 160, 161, 163, 164, 168, 169, 179, 194 and 10x–12x: not allocated to mobile phones.
 */
export const CHINA_MOBILE_PREFIXES: readonly string[] = Object.freeze([
  ...range("13", 0, 9),
  "145",
  "147",
  "149",
  ...range("15", 0, 3),
  ...range("15", 5, 9),
  "162",
  "165",
  "166",
  "167",
  "170",
  "171",
  "173",
  ...range("17", 5, 8),
  ...range("18", 0, 9),
  ...range("19", 0, 3),
  ...range("19", 5, 9),
]);

/** `prefix` followed by each digit from `from` to `to` inclusive. */
function range(prefix: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let digit = from; digit <= to; digit += 1) {
    out.push(`${prefix}${digit}`);
  }
  return out;
}
