import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { readCorpus } from "@/lib/seed/corpus-files";
import { claims as runClaims } from "./helpers/run-cli";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

/** `npm run claims -- …` in process, against the test database. */
const claims = (...args: string[]) => runClaims(t.url, ...args);

/** The real thing once: `node --conditions=react-server --import tsx lib/cli/main.ts` (as `npm run claims` runs it). */
function spawnClaims(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/cli/main.ts", ...args],
    {
      env: { ...process.env, DATABASE_URL: t.url },
      encoding: "utf8",
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the claims command line", () => {
  it("runs as a real process: exit status, stdout and stderr (every other test calls run() in process)", () => {
    const unknown = spawnClaims("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const listed = spawnClaims("list", "--json");
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it("prints usage and exits non-zero without a command or with an unknown one", async () => {
    const none = await claims();
    expect(none.code).toBe(2);
    expect(none.stdout).toContain("Usage: npm run claims");
    const unknown = await claims("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain("Usage:");
  });

  it("rejects bad user flags with a message naming the flag", async () => {
    const badRole = await claims("user", "add", "--email", "r@example.test", "--role", "overlord");
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role: Role must be one of: admin, curator, reviewer, viewer.");
    const badEmail = await claims("user", "add", "--email", "nope", "--role", "viewer");
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain("--email: Enter a valid email address.");
    const unknownFlag = await claims("user", "add", "--email", "r@example.test", "--role", "viewer", "--admin");
    expect(unknownFlag.code).toBe(2);
  });

  it("adds a user with a hashed password, generates one when none is given, and refuses duplicates", async () => {
    const added = await claims(
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

    const generated = await claims("user", "add", "--email", "vic@example.test", "--role", "viewer");
    expect(generated.code).toBe(0);
    const password = /password \(shown once\): (\S+)/.exec(generated.stdout)?.[1];
    expect(password).toBeDefined();
    const vic = await t.db.user.findUniqueOrThrow({ where: { email: "vic@example.test" } });
    expect(await verifyPassword(password!, vic.passwordHash)).toBe(true);

    const duplicate = await claims(
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

  it("seeds, then lists every stored claim as JSON", async () => {
    expect((await claims("seed")).code).toBe(0);
    const listed = await claims("list", "--json");
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
    expect((await claims("seed")).stdout).toContain("0 claim(s) created, 0 updated, 0 retired");
  });
});
