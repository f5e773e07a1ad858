import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "@/lib/documents/hash";
import { documentsDir, readCorpus } from "@/lib/seed/corpus-files";
import { uncoveredSentences } from "@/lib/seed/coverage";
import { verifyCuratedClaims } from "@/lib/seed/verify-claims";

// The five documents are vendored byte-for-byte; these sums are fixed facts about them.
const SHA256 = {
  "000_6d95c5a6cc5760dd.txt": "bb114eb629f6dfd045bb6e6e8914e4c13edeff18dc54dd691e89327111e1c7d5",
  "001_e8e12984f2720d11.txt": "105d543f9c7a5d725c3ff8d207a7460e9b6c9dda1328433e9a6a2e7a98ca5b87",
  "002_aee067932d5add68.txt": "d86c4755ade38a8bb897932dce21728989460352df9d65672115b4e3fea5e66b",
  "003_835a89ffea9099c7.txt": "dcc94ae802f91db8419e8e306f8ea8cb2ac02dba85d82f6dde99535d42981909",
  "004_e27f5d516b9b0a28.txt": "38406c5cda6314eb487436bf6dd75ef5524dbc05b26c9e26ab946fcaa2855ea7",
};

const corpus = readCorpus();

describe("the shipped corpus", () => {
  it("holds exactly the five documents, byte for byte", () => {
    const files = fs.readdirSync(documentsDir()).sort();
    expect(files).toEqual(Object.keys(SHA256));
    for (const [file, sum] of Object.entries(SHA256)) {
      expect(sha256Hex(fs.readFileSync(path.join(documentsDir(), file), "utf8")), file).toBe(sum);
    }
  });

  it("has well over a hundred curated claims, every one anchored to its exact passage", () => {
    const total = corpus.reduce((n, e) => n + e.curated.claims.length, 0);
    expect(total).toBeGreaterThan(100);
    for (const entry of corpus) expect(verifyCuratedClaims(entry.text, entry.curated)).toEqual([]);
  });

  it("covers every sentence: each one overlaps a claim or is listed as a non-claim with its reason", () => {
    for (const entry of corpus) {
      const gaps = uncoveredSentences(entry.text, entry.curated.claims, entry.curated.nonClaims).filter(
        (s) => s.reason === null,
      );
      expect(
        gaps.map((g) => g.text),
        entry.fileName,
      ).toEqual([]);
    }
  });

  it("never marks the same passage as both a claim and a non-claim", () => {
    for (const entry of corpus) {
      for (const non of entry.curated.nonClaims) {
        const clash = entry.curated.claims.find((c) => c.start < non.end && non.start < c.end);
        expect(clash?.id, `${entry.fileName}: "${non.exact}"`).toBeUndefined();
      }
    }
  });

  it("splits statistics in a list into one claim each", () => {
    const list = corpus.find((e) => e.fileName.startsWith("002"))!;
    for (const item of [
      "1,261 for dangerous drugs",
      "920 for convicted for assault",
      "377 for obstructing police",
      "190 for weapons offenses",
      "104 for sex offenses/assaults",
      "37 for homicide",
    ]) {
      const claim = list.curated.claims.find((c) => c.exact.includes(item));
      expect(claim, item).toBeDefined();
      expect(claim!.tags).toContain("statistic");
      expect(claim!.exact.length).toBeLessThan(item.length + 20);
    }
  });

  it("treats site boilerplate as non-claims", () => {
    const all = corpus.flatMap((e) => e.curated.claims.map((c) => c.exact));
    for (const boilerplate of [
      "Comments are closed.",
      "Sign up for our email newsletter",
      "The Daily Signal publishes a variety of perspectives.",
    ]) {
      expect(
        all.some((exact) => exact.includes(boilerplate)),
        boilerplate,
      ).toBe(false);
    }
  });
});
