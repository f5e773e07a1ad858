import { describe, expect, it } from "vitest";
import { splitParagraphs } from "./paragraphs";
import { sentenceAt, sentencesOf, stepBySentence } from "./sentence-steps";
import type { Span } from "./types";

const text = [
  "The 287(g) program began in 1996. It lets local police act as ICE officers. Critics disagree.",
  "",
  "From October 2017 to September 2020, ICE encountered 920 aliens. Most were removed.",
].join("\n");
const paragraphs = splitParagraphs(text);
const show = (s: Span) => text.slice(s.start, s.end);

describe("sentence steps", () => {
  it("splits a paragraph into trimmed sentences", () => {
    expect(sentencesOf(text, paragraphs[0]).map(show)).toEqual([
      "The 287(g) program began in 1996.",
      "It lets local police act as ICE officers.",
      "Critics disagree.",
    ]);
  });

  it("finds the sentence at an offset", () => {
    expect(show(sentenceAt(text, paragraphs, text.indexOf("police"))!)).toBe(
      "It lets local police act as ICE officers.",
    );
  });

  it("walks to the next and previous sentence, across paragraphs", () => {
    const second = sentenceAt(text, paragraphs, text.indexOf("police"))!;
    expect(show(stepBySentence(text, paragraphs, second, "next"))).toBe("Critics disagree.");
    const last = stepBySentence(text, paragraphs, second, "next");
    expect(show(stepBySentence(text, paragraphs, last, "next"))).toBe(
      "From October 2017 to September 2020, ICE encountered 920 aliens.",
    );
    const back = stepBySentence(text, paragraphs, stepBySentence(text, paragraphs, last, "next"), "previous");
    expect(back).toEqual(last);
  });

  it("moves the end by a sentence, never past its paragraph and never emptying the span", () => {
    const first = sentenceAt(text, paragraphs, 0)!;
    const two = stepBySentence(text, paragraphs, first, "end-later");
    expect(show(two)).toBe("The 287(g) program began in 1996. It lets local police act as ICE officers.");
    expect(stepBySentence(text, paragraphs, two, "end-earlier")).toEqual(first);
    expect(stepBySentence(text, paragraphs, first, "end-earlier")).toEqual(first);
    const all = stepBySentence(text, paragraphs, two, "end-later");
    expect(stepBySentence(text, paragraphs, all, "end-later")).toEqual(all);
  });
});
