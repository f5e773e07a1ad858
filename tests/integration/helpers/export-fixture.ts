import type { Db } from "@/lib/db/client";

/** The fixed clock of the export tests: every stored date and the export time. */
export const FIXED_NOW = new Date("2026-01-15T09:30:00.000Z");
export const CREATED = new Date("2026-01-02T08:00:00.000Z");
export const BASE_URL = "https://claimbook.example";

const at = (minutes: number) => new Date(CREATED.getTime() + minutes * 60_000);

export const REVIEWERS = [
  { id: "user-ada", email: "ada@example.test", name: "Ada Admin", role: "admin" },
  { id: "user-rui", email: "rui@example.test", name: "Rui Reviewer", role: "reviewer" },
  { id: "user-vic", email: "vic@example.test", name: "Vic Ventura", role: "reviewer" },
] as const;

/**
 * Turns a seeded database into the export tests' fixture: stable ids and dates, plus
 * reviewers' tags and notes written straight through Prisma: agreement, a majority, a
 * split, threaded notes, and hostile cell text. Run once per test run, into the
 * "export-fixture" template (template-databases.ts); tests get a copy (createExportFixture).
 */
export async function writeExportFixture(db: Db): Promise<void> {
  // Stable ids and dates so golden files do not change from run to run.
  await db.$executeRawUnsafe(`UPDATE "Claim" SET "id" = 'claim-' || "seedKey"`);
  await db.claim.updateMany({ data: { createdAt: CREATED, updatedAt: CREATED } });
  for (const r of REVIEWERS) await db.user.create({ data: { ...r, passwordHash: "unused", createdAt: CREATED } });

  const tags = new Map((await db.tag.findMany()).map((tag) => [tag.slug, tag.id]));
  const claims = await db.claim.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  const tag = (claimId: string, slug: string, reviewerId: string, minutes: number) =>
    db.claimTag.create({ data: { claimId, tagId: tags.get(slug)!, reviewerId, createdAt: at(minutes) } });

  const [agreed, majority, split, noted, hostile] = claims.map((c) => c.id);
  await tag(agreed, "statistic", "user-ada", 1);
  await tag(agreed, "statistic", "user-rui", 2);
  await tag(majority, "opinion", "user-ada", 3);
  await tag(majority, "opinion", "user-rui", 4);
  await tag(majority, "legal-fact", "user-vic", 5);
  await tag(split, "opinion", "user-ada", 6);
  await tag(split, "statistic", "user-rui", 7);
  await db.claim.update({ where: { id: agreed }, data: { status: "accepted", updatedAt: at(10) } });
  await db.claim.update({ where: { id: split }, data: { status: "disputed", updatedAt: at(11) } });

  await db.note.create({
    data: {
      id: "note-1",
      claimId: noted,
      authorId: "user-ada",
      body: "Source checked against the **2024 DHS report**.\n\nSee table 3.",
      createdAt: at(20),
      updatedAt: at(20),
    },
  });
  await db.note.create({
    data: {
      id: "note-2",
      claimId: noted,
      parentId: "note-1",
      authorId: "user-rui",
      body: "Agreed — but the figure is <em>rounded</em>.",
      createdAt: at(21),
      updatedAt: at(30),
    },
  });
  await db.note.create({
    data: {
      id: "note-3",
      claimId: hostile,
      authorId: "user-vic",
      body: '=HYPERLINK("http://evil.example","click")',
      createdAt: at(22),
      updatedAt: at(22),
    },
  });
  await db.note.create({
    data: {
      id: "note-4",
      claimId: hostile,
      authorId: "user-vic",
      body: '@SUM(1+1) and a "quote", a comma\r\nand a line break 😀',
      createdAt: at(23),
      updatedAt: at(23),
    },
  });
  await db.note.create({
    data: {
      id: "note-5",
      claimId: hostile,
      authorId: "user-ada",
      body: "deleted note: never exported",
      createdAt: at(24),
      updatedAt: at(24),
      deletedAt: at(25),
    },
  });
  // A reply to the deleted note: exported as a thread of its own, so the JSON stays importable.
  await db.note.create({
    data: {
      id: "note-6",
      claimId: hostile,
      parentId: "note-5",
      authorId: "user-rui",
      body: "Replying to a note that was later deleted.",
      createdAt: at(26),
      updatedAt: at(26),
    },
  });
}
