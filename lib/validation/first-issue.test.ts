import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeFirstIssue, firstIssue } from "./first-issue";

const schema = z.strictObject({
  name: z.string().min(2, "Too short."),
  nested: z.object({ n: z.number() }).optional(),
});
const fail = (input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a failure");
  return r.error;
};

describe("firstIssue", () => {
  it("names the field and keeps the schema's message", () => {
    expect(firstIssue(fail({ name: "x" }))).toEqual({ field: "name", message: "Too short." });
    expect(describeFirstIssue(fail({ name: "x" }))).toBe("name: Too short.");
  });

  it("joins a nested path and renames it for the caller", () => {
    const error = fail({ name: "ok", nested: { n: "1" } });
    expect(firstIssue(error).field).toBe("nested.n");
    expect(describeFirstIssue(error, (p) => `--${p}`)).toMatch(/^--nested\.n: /);
  });

  it("lists unknown keys without repeating a field name", () => {
    const error = fail({ name: "ok", colour: 1, size: 2 });
    expect(firstIssue(error)).toEqual({ field: "colour", message: "Unknown parameters: colour, size." });
    expect(describeFirstIssue(error, (p) => `--${p}`)).toBe("Unknown parameters: --colour, --size.");
  });

  it("reports only the first of several problems", () => {
    expect(describeFirstIssue(fail({}))).toMatch(/^name: /);
  });
});
