import { describe, expect, it } from "vitest";
import { highlightTerms, highlightText, snippetText } from "./highlight";
import { parseQuery } from "./query-syntax";
import type { Segment } from "./types";

const marked = (segments: Segment[] | null) =>
  segments?.map((s) => (s.match ? `[${s.text}]` : s.text)).join("") ?? null;
const terms = (q: string) => highlightTerms(parseQuery(q));

describe("highlightText", () => {
  it("marks words whatever their case or accents", () => {
    expect(marked(highlightText("Police said the POLICE café was closed.", terms("police cafe")))).toBe(
      "[Police] said the [POLICE] [café] was closed.",
    );
  });

  it("marks a phrase as one run, and only where the words are in order", () => {
    expect(marked(highlightText("Local police and police local: local  police.", terms('"local police"')))).toBe(
      "[Local police] and police local: [local  police].",
    );
  });

  it("marks prefixes, never excluded words, and nothing inside a longer word", () => {
    expect(marked(highlightText("Deportation and deported; redeport.", terms("deport* -deported")))).toBe(
      "[Deportation] and [deported]; redeport.",
    );
    expect(marked(highlightText("Policeman", terms("police")))).toBe("Policeman");
  });

  it("returns the text unmarked when there are no words to mark", () => {
    expect(highlightText("<b>tag</b> & text", terms("tag:statistic"))).toEqual([
      { text: "<b>tag</b> & text", match: false },
    ]);
  });
});

describe("snippetText", () => {
  const note = Array.from({ length: 60 }, (_, i) => `w${i}`)
    .join(" ")
    .replace("w40", "sheriff");
  it("cuts about sixteen words around the first match", () => {
    expect(marked(snippetText(note, terms("sheriff")))).toBe(
      `…${Array.from({ length: 16 }, (_, i) => (i + 36 === 40 ? "[sheriff]" : `w${i + 36}`)).join(" ")}…`,
    );
  });

  it("is null when the notes did not match", () => {
    expect(snippetText(note, terms("police"))).toBeNull();
    expect(snippetText("", terms("police"))).toBeNull();
  });
});
