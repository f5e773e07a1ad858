import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, fingerprint, type SearchCursor } from "./cursor";
import { SearchInputError } from "./types";

const cursor: SearchCursor = {
  v: 1,
  fp: fingerprint("m", "relevance"),
  sort: "relevance",
  asOf: 10,
  floor: 0,
  total: 5,
  capped: false,
  after: { score: -123, key: 4 },
};

describe("search cursors", () => {
  it("round-trip", () => {
    expect(decodeCursor(encodeCursor(cursor), cursor.fp)).toEqual(cursor);
  });

  it("refuse another query's cursor and garbage, with a message", () => {
    expect(() => decodeCursor(encodeCursor(cursor), fingerprint("other", "relevance"))).toThrow(
      /different query or sort/,
    );
    expect(() => decodeCursor(encodeCursor(cursor), fingerprint("m", "newest"))).toThrow(SearchInputError);
    for (const bad of ["", "!!!", "eyJ2IjoyfQ", Buffer.from('{"v":1,"fp":"x"}').toString("base64url")]) {
      expect(() => decodeCursor(bad, cursor.fp)).toThrow(/cursor is not valid/);
    }
  });
});
