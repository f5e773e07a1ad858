import { describe, expect, it } from "vitest";
import { markDifferingWords } from "./word-diff";

describe("markDifferingWords", () => {
  it("marks the words only this version has, ignoring plural and case", () => {
    const a = "Affiliated law enforcement agencies encountered approximately 920 aliens convicted for assault";
    const b = "920 for convicted for assault";
    const marked = markDifferingWords(a, [b])
      .filter((p) => p.differs)
      .map((p) => p.text.trim());
    expect(marked).toEqual(["Affiliated law enforcement agencies encountered approximately", "aliens"]);
    expect(
      markDifferingWords("104 for sex offenses/assaults", ["104 convicted for sex offense or assault"]).some(
        (p) => p.differs,
      ),
    ).toBe(false);
  });

  it("treats numbers whole and keeps the text intact", () => {
    const text = "1,261 convicted for dangerous drugs.";
    const pieces = markDifferingWords(text, ["1,216 convicted for dangerous drugs"]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces.find((p) => p.differs)?.text).toBe("1,261");
  });
});
