import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseCell } from "../csv-safety";
import { csvRecord } from "./csv-field";

/** What the CSV export wrote before its hand-written quoter: csv-stringify with the same options. */
function reference(cells: (string | number)[]): string {
  const safe = cells.map((cell) => (typeof cell === "string" ? neutraliseCell(cell) : cell));
  return stringify([safe], { record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

function randomCell(next: () => number): string {
  const alphabet = ['"', ",", "\r", "\n", "=", "+", "-", "@", "\t", " ", "a", "é", "\uFF1D", "'", ";", "\u2028", "😀"];
  let out = "";
  const length = Math.floor(next() * 8);
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

describe("csvRecord", () => {
  it("writes what csv-stringify wrote, field for field, on hostile input", () => {
    const cells: (string | number)[] = [
      "",
      " ",
      '"',
      '""',
      "a,b",
      "a\r\nb",
      "\r",
      "\n",
      "=1+1",
      "-2",
      "+3",
      "@SUM(A1)",
      "\tx",
      "\rx",
      "\uFF1Dx",
      0,
      -1,
      3.5,
      12345678901,
    ];
    for (const cell of cells) expect(csvRecord([cell])).toBe(reference([cell]));
    expect(csvRecord(cells)).toBe(reference(cells));
  });

  it("agrees with csv-stringify on random cells built from the characters that matter", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 5000; i++) {
      const row = [randomCell(next), randomCell(next), randomCell(next)];
      expect(csvRecord(row)).toBe(reference(row));
    }
  });

  it("agrees with csv-stringify on any Unicode text and any integer", () => {
    const cell = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.integer());
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (row) => csvRecord(row) === reference(row)));
  });
});
