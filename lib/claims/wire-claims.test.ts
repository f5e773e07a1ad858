import { describe, expect, it } from "vitest";
import type { ClaimForReading } from "../db/claim-reads";
import { fromWireClaims, toWireClaims } from "./wire-claims";

const text = "The sheriff said 920 people were deported.";
const claim: ClaimForReading = {
  id: "c1",
  start: 17,
  end: 27,
  exact: "920 people",
  statement: null,
  kind: null,
  status: "open",
  version: 1,
  deleted: false,
  suggestedTags: ["statistic"],
  reviewerTags: [],
  noteCount: 0,
  createdAt: "2026-11-28T00:00:00.000Z",
  verdict: null,
};

describe("wire claims", () => {
  it("leave the quote out and cut it back from the text", () => {
    const wire = toWireClaims([claim]);
    expect(wire[0]).not.toHaveProperty("exact");
    expect(fromWireClaims(wire, text)).toEqual([claim]);
  });
});
