import { describe, expect, it } from "vitest";
import { enclosingParagraph, splitParagraphs } from "./paragraphs";

describe("splitParagraphs", () => {
  it("splits on blank lines and keeps single line breaks (list items) inside a paragraph", () => {
    const text = "Title\n\nFirst para.\n\n  • one;\n  • two.\n\n \nLast";
    const paragraphs = splitParagraphs(text).map((p) => text.slice(p.start, p.end));
    expect(paragraphs).toEqual(["Title", "First para.", "  • one;\n  • two.", "Last"]);
  });

  it("finds the paragraph that holds a span, and none for a span across a break", () => {
    const text = "One two.\n\nThree four.";
    const paragraphs = splitParagraphs(text);
    expect(enclosingParagraph(paragraphs, { start: 10, end: 15 })).toEqual({ start: 10, end: 21 });
    expect(enclosingParagraph(paragraphs, { start: 4, end: 15 })).toBeNull();
  });
});
