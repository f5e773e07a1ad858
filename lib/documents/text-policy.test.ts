import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitParagraphs } from "../anchoring/paragraphs";
import { applyTextPolicy, joinParagraphs } from "./text-policy";

describe("applyTextPolicy", () => {
  it.each([
    ["drops a BOM", "\uFEFFHello", "Hello"],
    ["turns CRLF, CR, U+2028 and NEL into LF", "a\r\nb\rc\u2028d\u0085e", "a\nb\nc\nd\ne"],
    ["makes U+2029 and form feed paragraph breaks", "a\u2029b\fc", "a\n\nb\n\nc"],
    ["composes to NFC", "Cafe\u0301", "Café"],
    ["trims trailing whitespace per line", "a \t\nb\u00a0\u3000\nc", "a\nb\nc"],
    ["keeps leading indentation", "  indented\n\tcode", "  indented\n\tcode"],
    ["collapses blank lines to one, whitespace-only lines included", "a\n\n \n\t\n\nb", "a\n\nb"],
    ["drops blank lines at the start and end", "\n\n  \na\n\n\n", "a"],
    ["drops control characters but keeps tabs", "a\u0000b\u0007c\td\u009f", "abc\td"],
    ["replaces a broken surrogate", "a\uD800b", "a\uFFFDb"],
    ["keeps emoji (non-BMP) intact", "😀 ok", "😀 ok"],
  ])("%s", (_name, input, expected) => {
    expect(applyTextPolicy(input)).toBe(expected);
  });

  it("is idempotent on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const once = applyTextPolicy(s);
        expect(applyTextPolicy(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves text in which paragraphs are exactly the blank-line-separated blocks", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { maxLength: 8 }), (parts) => {
        const text = joinParagraphs(parts);
        expect(text).not.toMatch(/\n{3,}|[ \t]+\n|^\n|\n$|\r/);
        expect(text.normalize("NFC")).toBe(text);
        const paragraphs = splitParagraphs(text).map((p) => text.slice(p.start, p.end));
        expect(paragraphs.join("\n\n")).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
