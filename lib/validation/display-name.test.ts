import { describe, expect, it } from "vitest";
import { nameSchema } from "./user";

describe("display names", () => {
  it("are normalised to NFC and trimmed", () => {
    expect(nameSchema.parse("  Jose\u0301 Ruiz \u00a0")).toBe("José Ruiz");
    expect(nameSchema.parse("José")).toBe("José".normalize("NFC"));
  });

  it.each([
    ["only zero-width characters", "\u200b\u200c\u200d\ufeff"],
    ["only spaces of every kind", "\u00a0\u2003\u3000"],
    ["only combining marks", "\u0301\u0301"],
    ["a right-to-left override", "Ada\u202eevil"],
    ["a bidi isolate", "\u2067Ada\u2069"],
    ["a left-to-right mark", "Ada\u200e"],
  ])("refuse %s", (_what, name) => {
    expect(nameSchema.safeParse(name).success).toBe(false);
  });

  it("accept names in any script", () => {
    for (const name of ["Ada Lovelace", "李小龍", "Þóra", "محمد", "O'Brien-Smith", "Zoë 2"]) {
      expect(nameSchema.safeParse(name).success, name).toBe(true);
    }
  });
});
