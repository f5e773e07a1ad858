import { describe, expect, it } from "vitest";
import { describeSpan, InvalidSpanError, QUOTE_CONTEXT_LENGTH } from "./describe-span";

describe("describeSpan", () => {
  const text = `${"x".repeat(50)}the claim${"y".repeat(50)}`;
  it("keeps the exact text and 32 characters of context on each side", () => {
    const { position, quote } = describeSpan(text, { start: 50, end: 59 });
    expect(position).toEqual({ type: "TextPositionSelector", start: 50, end: 59 });
    expect(quote.exact).toBe("the claim");
    expect(quote.prefix).toBe("x".repeat(QUOTE_CONTEXT_LENGTH));
    expect(quote.suffix).toBe("y".repeat(QUOTE_CONTEXT_LENGTH));
  });

  it("shortens the context at the edges of the text", () => {
    expect(describeSpan("claim", { start: 0, end: 5 }).quote).toMatchObject({ prefix: "", suffix: "" });
  });

  it.each([
    [{ start: -1, end: 3 }, /outside the text/],
    [{ start: 0, end: 999 }, /outside the text/],
    [{ start: 4, end: 4 }, /empty/],
    [{ start: 1.5, end: 3 }, /integers/],
  ])("rejects the span %o", (span, message) => {
    expect(() => describeSpan("short text", span)).toThrow(InvalidSpanError);
    expect(() => describeSpan("short text", span)).toThrow(message);
  });
});
