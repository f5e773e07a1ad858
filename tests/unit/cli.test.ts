import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { readCorpus } from "@/lib/seed/corpus-files";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

/** Runs `npm run claims -- …` the way a script would, against the test database. */
function claims(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "lib/cli/main.ts", ...args], {
    env: { ...process.env, DATABASE_URL: t.url },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the claims command line", () => {
  it("prints usage and exits non-zero without a command or with an unknown one", () => {
    const none = claims();
    expect(none.code).toBe(2);
    expect(none.stdout).toContain("Usage: npm run claims");
    const unknown = claims("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain("Usage:");
  });

  it("rejects bad user flags with a message naming the flag", () => {
    const badRole = claims("user", "add", "--email", "r@example.test", "--role", "overlord");
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role: Role must be one of: admin, reviewer, viewer.");
    const badEmail = claims("user", "add", "--email", "nope", "--role", "viewer");
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain("--email: Enter a valid email address.");
    const unknownFlag = claims("user", "add", "--email", "r@example.test", "--role", "viewer", "--admin");
    expect(unknownFlag.code).toBe(2);
  });

  it("adds a user with a hashed password, generates one when none is given, and refuses duplicates", async () => {
    const added = claims(
      "user",
      "add",
      "--email",
      "Rita@Example.test",
      "--role",
      "reviewer",
      "--password",
      "a long enough password",
    );
    expect(added.code).toBe(0);
    const rita = await t.db.user.findUniqueOrThrow({ where: { email: "rita@example.test" } });
    expect(rita.role).toBe("reviewer");
    expect(rita.passwordHash).not.toContain("a long enough password");
    expect(await verifyPassword("a long enough password", rita.passwordHash)).toBe(true);
    expect(await t.db.auditEvent.count({ where: { action: "user.create", entityId: rita.id } })).toBe(1);

    const generated = claims("user", "add", "--email", "vic@example.test", "--role", "viewer");
    expect(generated.code).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(generated.stdout)?.[1];
    expect(password).toBeDefined();
    const vic = await t.db.user.findUniqueOrThrow({ where: { email: "vic@example.test" } });
    expect(await verifyPassword(password!, vic.passwordHash)).toBe(true);

    const duplicate = claims(
      "user",
      "add",
      "--email",
      "rita@example.test",
      "--role",
      "viewer",
      "--password",
      "another long one",
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("already exists");
  });

  it("seeds, then lists every stored claim as JSON", () => {
    expect(claims("seed").code).toBe(0);
    const listed = claims("list", "--json");
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as {
      document: string;
      start: number;
      end: number;
      exact: string;
      tags: string[];
      status: string;
    }[];
    const corpus = readCorpus();
    expect(rows).toHaveLength(corpus.reduce((n, e) => n + e.curated.claims.length, 0));
    for (const row of rows) {
      const text = corpus.find((e) => e.fileName === row.document)!.text;
      expect(text.slice(row.start, row.end)).toBe(row.exact);
      expect(row.tags.length).toBeGreaterThan(0);
      expect(row.status).toBe("proposed");
    }
    expect(claims("seed").stdout).toContain("0 claim(s) created, 0 updated, 0 retired");
  });
});
