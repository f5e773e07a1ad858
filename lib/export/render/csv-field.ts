import { neutraliseCell } from "../csv-safety";

// Fields that need quotes under RFC 4180 (a comma, a quote or a line break), as csv-stringify
// decided with this project's options (record_delimiter "windows", quoted_match /[\r\n]/):
// csv-field.test.ts checks the two agree on hostile and random input.
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** One CSV field: formula-neutralised (csv-safety.ts), then quoted when RFC 4180 requires it. */
export function csvField(cell: string | number): string {
  if (typeof cell === "number") return String(cell);
  const value = neutraliseCell(cell);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

/** One CSV record, CRLF-terminated. */
export function csvRecord(cells: readonly (string | number)[]): string {
  let line = csvField(cells[0]);
  for (let i = 1; i < cells.length; i++) line += `,${csvField(cells[i])}`;
  return `${line}\r\n`;
}
