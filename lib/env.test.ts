import { describe, expect, it } from "vitest";
import { EnvError, env } from "./env";

describe("env", () => {
  it("accepts an empty environment: every setting has a default", () => {
    expect(env({})).toEqual({});
  });

  it("treats a blank value as unset", () => {
    expect(env({ DATABASE_URL: "  ", NEXTAUTH_SECRET: "" })).toEqual({});
  });

  it("accepts the documented forms", () => {
    const ok = {
      DATABASE_URL: "file:./prisma/data/x.db",
      NEXTAUTH_SECRET: "x".repeat(32),
      CLAIMBOOK_BASE_URL: "https://claims.example.org/app",
    };
    expect(env(ok)).toEqual(ok);
    expect(env({ DATABASE_URL: "postgresql://u@localhost:5432/claims" }).DATABASE_URL).toMatch(/^postgresql:/);
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/x" }, /^Invalid environment: DATABASE_URL: must be a SQLite file URL/],
    [{ NEXTAUTH_SECRET: "short" }, /^Invalid environment: NEXTAUTH_SECRET: must be at least 32 characters/],
    [{ CLAIMBOOK_BASE_URL: "ftp://example.org" }, /^Invalid environment: CLAIMBOOK_BASE_URL: must be an http\(s\) URL/],
    [{ CLAIMBOOK_BASE_URL: "https://example.org/?a=1" }, /CLAIMBOOK_BASE_URL: must not carry a query/],
  ])("refuses %o naming the variable", (source, message) => {
    expect(() => env(source)).toThrow(EnvError);
    expect(() => env(source)).toThrow(message);
  });
});
