import { describe, expect, it } from "vitest";
import { codePointOffsets, trimBrokenSurrogates } from "./code-points";

describe("codePointOffsets", () => {
  it("is the identity for text without astral characters", () => {
    const toPoints = codePointOffsets("plain “text” — with BMP only");
    expect(toPoints(0)).toBe(0);
    expect(toPoints(12)).toBe(12);
  });

  it("counts an astral character as one code point", () => {
    const text = "a😀b𝄞c";
    const toPoints = codePointOffsets(text);
    // a=0, 😀=1..3, b=3, 𝄞=4..6, c=6, end=7 (UTF-16)
    expect([0, 1, 3, 4, 6, 7].map(toPoints)).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...text].slice(toPoints(3), toPoints(6)).join("")).toBe(text.slice(3, 6));
  });

  it("agrees with Array.from on every boundary of a mixed text", () => {
    const text = "Ünïcødé 👩‍👩‍👧 and 𝒳 end";
    const toPoints = codePointOffsets(text);
    let units = 0;
    [...text].forEach((ch, points) => {
      expect(toPoints(units)).toBe(points);
      units += ch.length;
    });
    expect(toPoints(text.length)).toBe([...text].length);
    expect(() => toPoints(text.length + 1)).toThrow(RangeError);
  });
});

describe("trimBrokenSurrogates", () => {
  it("drops half pairs at the ends only", () => {
    const pair = "😀";
    expect(trimBrokenSurrogates(`${pair[1]}ab${pair[0]}`)).toBe("ab");
    expect(trimBrokenSurrogates(`${pair}ab${pair}`)).toBe(`${pair}ab${pair}`);
    expect(trimBrokenSurrogates("")).toBe("");
  });
});
