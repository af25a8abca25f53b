import { once } from "node:events";
import { stringify as stringifyStream } from "csv-stringify";
import { stringify } from "csv-stringify/sync";
import type { Response } from "express";

/** A CSV cell: text, a number (written as a number), or empty. */
export type CsvCell = string | number | null;

/** UTF-8 byte order mark, so that Excel reads the Chinese text correctly (DESIGN.md, security). */
export const UTF8_BOM = "\uFEFF";

/** First characters that make a spreadsheet read a text cell as a formula (or hide it). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe against formula injection: a text starting with `=`, `+`, `-`, `@`, a
 * tab or a carriage return gets a leading apostrophe, so spreadsheets show it as text
 * (OWASP "CSV injection"). Numbers are never passed here: they stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A whole CSV document: UTF-8 BOM, the header row, then the rows (csv-stringify: quotes where
 * needed, CRLF line ends). Text cells are neutralised ({@link neutraliseFormula}), numbers are
 * written as numbers, null as an empty cell.
 */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  const safe = (cell: CsvCell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell);
  return (
    UTF8_BOM +
    stringify([header.map(safe), ...rows.map((row) => row.map(safe))], {
      record_delimiter: "windows",
    })
  );
}

/** Sends {@link csvDocument} as a download named `filename` (UTF-8, not cached). */
export function sendCsv(
  res: Response,
  filename: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): void {
  sendCsvText(res, filename, csvDocument(header, rows));
}

/** Sends a CSV document already written (e.g. a stored export) as a download named `filename`. */
export function sendCsvText(res: Response, filename: string, text: string): void {
  res
    .status(200)
    .set({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    })
    .send(text);
}

/** Answers a refused download with a JSON error like the GraphQL endpoints' (`errors[0].message`). */
export function sendJsonError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Streams a CSV download named `filename` like {@link sendCsv} (BOM, header, neutralised text,
 * numbers as numbers, CRLF) through csv-stringify's stream, row by row from `rows`.
 */
export async function streamCsv(
  res: Response,
  filename: string,
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]> | AsyncIterable<readonly CsvCell[]>,
): Promise<void> {
  const safe = (cell: CsvCell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell);
  res.status(200).set({
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
  });
  res.write(UTF8_BOM);
  const stringifier = stringifyStream({ record_delimiter: "windows" });
  stringifier.pipe(res);
  const finished = new Promise<void>((resolve, reject) => {
    res.on("finish", resolve);
    stringifier.on("error", reject);
  });
  stringifier.write(header.map(safe));
  for await (const row of rows) {
    if (!stringifier.write(row.map(safe))) await once(stringifier, "drain");
  }
  stringifier.end();
  await finished;
}
