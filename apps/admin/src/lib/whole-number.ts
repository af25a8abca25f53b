/**
 * A whole number typed into a form: the number, null when left empty, or "invalid" for anything
 * else (a decimal, a letter, a sign). Full-width digits (１２) count as digits.
 */
export function wholeNumber(text: string): number | null | "invalid" {
  const ascii = text.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (ascii === "") return null;
  return /^\d{1,9}$/.test(ascii) ? Number(ascii) : "invalid";
}
