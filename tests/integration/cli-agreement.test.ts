import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claims as runClaims } from "./helpers/run-cli";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let document: { slug: string; fileName: string };
let claimIds: string[];

beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
  const [ann, bob] = await Promise.all(
    ["ann", "bob"].map((name) =>
      t.db.user.create({ data: { email: `${name}@example.org`, name, passwordHash: "x", role: "reviewer" } }),
    ),
  );
  const doc = await t.db.document.findFirstOrThrow({ orderBy: { fileName: "asc" } });
  document = doc;
  const claims = await t.db.claim.findMany({ where: { documentId: doc.id }, orderBy: { start: "asc" }, take: 4 });
  claimIds = claims.map((c) => c.id);
  const tags = new Map((await t.db.tag.findMany()).map((g) => [g.slug, g.id]));
  // ann: S S O O; bob: S O O L on the first four claims → agree on claims 1 and 3.
  const sets: [string, string, string][] = [
    [claimIds[0], ann.id, "statistic"],
    [claimIds[0], bob.id, "statistic"],
    [claimIds[1], ann.id, "statistic"],
    [claimIds[1], bob.id, "opinion"],
    [claimIds[2], ann.id, "opinion"],
    [claimIds[2], bob.id, "opinion"],
    [claimIds[3], ann.id, "opinion"],
    [claimIds[3], bob.id, "legal-fact"],
  ];
  await t.db.claimTag.createMany({
    data: sets.map(([claimId, reviewerId, slug]) => ({ claimId, reviewerId, tagId: tags.get(slug)! })),
  });
});
afterAll(async () => {
  await t.close();
});

const claims = (...args: string[]) => runClaims(t.url, ...args);

describe("claims agreement", () => {
  it("prints Cohen's κ for the pair with its n and reading, and the most disagreed claims", async () => {
    const out = await claims("agreement");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("4 tagged by at least one reviewer, 4 by two or more; 2 reviewer(s)");
    // By hand: pₒ = 2/4; ann S2 O2, bob S1 O2 L1 → pₑ = (2·1 + 2·2)/16 = 6/16; κ = (8/16 − 6/16)/(10/16) = 0.2.
    expect(out.stdout).toMatch(/ann × bob\s+0\.20\s+slight agreement \(Landis & Koch\), 4 claims/);
    expect(out.stdout).toContain(`#claim-${claimIds[1]}`);
    expect(out.stdout).not.toContain("NaN");
    if (process.env.PEEK) console.log(out.stdout);
  });

  it("prints the same figures as JSON, for one document by file name or slug", async () => {
    const bySlug = JSON.parse((await claims("agreement", "--document", document.slug, "--json")).stdout);
    const byFile = JSON.parse((await claims("agreement", "--document", document.fileName, "--json")).stdout);
    expect(bySlug).toEqual(byFile);
    expect(bySlug.scope).toEqual({ document: document.fileName, slug: document.slug });
    expect(bySlug.pairs[0].cohenKappa).toMatchObject({ value: expect.closeTo(0.2, 10), n: 4, band: "slight" });
    expect(bySlug.pairs[0].confusion.categories).toEqual(["legal-fact", "opinion", "statistic"]);
    expect(bySlug.mostDisagreed.map((d: { claimId: string }) => d.claimId).sort()).toEqual(
      [claimIds[1], claimIds[3]].sort(),
    );
  });

  it("explains a document that does not exist, exit status 2", async () => {
    const out = await claims("agreement", "--document", "nope");
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('No document "nope"');
  });
});
