import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claims as runClaims } from "./helpers/run-cli";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
});
afterAll(async () => {
  await t.close();
});

const claims = (...args: string[]) => runClaims(t.url, ...args);

describe("claims search", () => {
  it("prints matches with the matched words in brackets, and a count", async () => {
    const out = await claims("search", '"local police" tag:opinion', "--limit", "2");
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^\d{3}_\w+\.txt\t\d+-\d+\topinion\tproposed\t.*\[[Ll]ocal police\]/);
    expect(out.stdout).toMatch(/\d+ claims?; showing 2, sorted by relevance/);
    expect(out.stdout).toMatch(/next page: --cursor \S+/);
  });

  it("prints JSON with --json, and the next page with --cursor", async () => {
    const first = JSON.parse((await claims("search", "police", "--json", "--limit", "3")).stdout) as {
      total: number;
      hits: { claimId: string; url: string }[];
      nextCursor: string;
    };
    expect(first.hits).toHaveLength(3);
    expect(first.hits[0].url).toMatch(/^\/documents\/.+#claim-/);
    const second = JSON.parse(
      (await claims("search", "police", "--json", "--limit", "3", "--cursor", first.nextCursor)).stdout,
    ) as { hits: { claimId: string }[] };
    expect(second.hits.map((h) => h.claimId).filter((id) => first.hits.some((h) => h.claimId === id))).toEqual([]);
  });

  it("explains bad queries and arguments with the usage, exit status 2", async () => {
    const status = await claims("search", "status:maybe");
    expect(status.code).toBe(2);
    expect(status.stderr).toContain("status:maybe is not a status");
    expect((await claims("search")).code).toBe(2);
    expect((await claims("search", "police", "--sort", "alphabetical")).stderr).toContain(
      "--sort: sort must be one of: relevance, document, newest.",
    );
    const unknown = await claims("search", "tag:nope");
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toContain('There is no tag "nope"');
  });

  it("says what it searched when nothing matches, and the nearest query that does", async () => {
    const out = await claims("search", "homocide");
    expect(out.code).toBe(0);
    expect(out.stderr).toContain("note: Nothing matched “homocide” (and its other forms).");
    expect(out.stderr).toMatch(/note: try "homicide" \(\d+ found\)/);
    const json = JSON.parse((await claims("search", "homocide", "--json")).stdout) as { suggestion: { q: string } };
    expect(json.suggestion.q).toBe("homicide");
  });
});
