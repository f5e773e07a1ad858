/**
 * A spreadsheet treats a cell that begins with = + - @ (or a tab or carriage return, or
 * their full-width forms) as a formula: a quote from an untrusted text could then run
 * one. Such cells are prefixed with an apostrophe, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
