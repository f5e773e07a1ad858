import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCorpus, SEED_DIR } from "@/lib/seed/corpus-files";
import { SeedVerificationError, seedCorpus } from "@/lib/seed/seed-corpus";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.close();
});

const shippedClaims = readCorpus().reduce((n, e) => n + e.curated.claims.length, 0);

/** A copy of the shipped seed directory that a test may damage. */
function copySeedDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-seed-"));
  fs.cpSync(SEED_DIR, dir, { recursive: true });
  return dir;
}

async function snapshot() {
  const claims = await t.db.claim.findMany({ orderBy: { id: "asc" }, include: { suggestedTags: true } });
  return {
    documents: await t.db.document.findMany({ orderBy: { id: "asc" } }),
    claims,
    audit: await t.db.auditEvent.count(),
  };
}

describe("seedCorpus", () => {
  it("stores the five documents and every curated claim with its selectors, paragraph and text hash", async () => {
    const report = await seedCorpus(t.db);
    expect(report).toMatchObject({ documentsCreated: 5, claimsCreated: shippedClaims });
    const docs = await t.db.document.findMany({ include: { claims: { include: { suggestedTags: true } } } });
    expect(docs).toHaveLength(5);
    for (const doc of docs) {
      for (const claim of doc.claims) {
        expect(doc.text.slice(claim.start, claim.end)).toBe(claim.exact);
        expect(doc.text.slice(claim.start - claim.prefix.length, claim.start)).toBe(claim.prefix);
        expect(doc.text.slice(claim.end, claim.end + claim.suffix.length)).toBe(claim.suffix);
        expect(claim.paragraphStart).toBeLessThanOrEqual(claim.start);
        expect(claim.end).toBeLessThanOrEqual(claim.paragraphEnd);
        expect(doc.text.slice(claim.paragraphStart, claim.paragraphEnd)).not.toMatch(/\n\s*\n/);
        expect(claim.textHash).toBe(doc.sha256);
        expect(claim.suggestedTags.length).toBeGreaterThan(0);
      }
    }
    expect(await t.db.tag.findMany({ select: { slug: true }, orderBy: { position: "asc" } })).toEqual([
      { slug: "statistic" },
      { slug: "opinion" },
      { slug: "legal-fact" },
    ]);
  });

  it("changes nothing when run twice", async () => {
    await seedCorpus(t.db);
    const before = await snapshot();
    const report = await seedCorpus(t.db);
    expect(report).toEqual({
      documentsCreated: 0,
      documentsUpdated: 0,
      claimsCreated: 0,
      claimsUpdated: 0,
      claimsRetired: 0,
      claimsUnchanged: shippedClaims,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a claim that does not anchor, names it, and writes nothing", async () => {
    const dir = copySeedDir();
    const file = path.join(dir, "claims", "001_e8e12984f2720d11.json");
    const data = JSON.parse(fs.readFileSync(file, "utf8"));
    const victim = data.claims[3];
    victim.start += 1;
    victim.end += 1;
    fs.writeFileSync(file, JSON.stringify(data));

    const error = await seedCorpus(t.db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedVerificationError);
    expect(String((error as Error).message)).toContain(`claim ${victim.id}`);
    expect(String((error as Error).message)).toContain("does not anchor");
    expect(await t.db.document.count()).toBe(0);
    expect(await t.db.claim.count()).toBe(0);
  });

  it("refuses a malformed claims file, naming the file and field", async () => {
    const dir = copySeedDir();
    const file = path.join(dir, "claims", "003_835a89ffea9099c7.json");
    const data = JSON.parse(fs.readFileSync(file, "utf8"));
    data.claims[0].tags = ["gossip"];
    fs.writeFileSync(file, JSON.stringify(data));
    await expect(seedCorpus(t.db, dir)).rejects.toThrow(/003_835a89ffea9099c7\.json: claims\.0\.tags\.0/);
    expect(await t.db.claim.count()).toBe(0);
  });

  it("updates a curated claim whose data changed and records it in the audit log", async () => {
    await seedCorpus(t.db);
    const dir = copySeedDir();
    const file = path.join(dir, "claims", "000_6d95c5a6cc5760dd.json");
    const data = JSON.parse(fs.readFileSync(file, "utf8"));
    data.claims[0].statement = "A reworded statement.";
    fs.writeFileSync(file, JSON.stringify(data));
    const report = await seedCorpus(t.db, dir);
    expect(report.claimsUpdated).toBe(1);
    const claim = await t.db.claim.findFirstOrThrow({ where: { seedKey: data.claims[0].id } });
    expect(claim).toMatchObject({ statement: "A reworded statement.", version: 2 });
    expect(await t.db.auditEvent.count({ where: { action: "claim.update-curated", claimId: claim.id } })).toBe(1);
  });

  it("keeps the audit log append-only", async () => {
    await seedCorpus(t.db);
    await expect(t.db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.db.auditEvent.updateMany({ data: { action: "x" } })).rejects.toThrow(/append-only/);
  });
});
