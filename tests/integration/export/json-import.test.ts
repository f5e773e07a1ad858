import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { ImportConflictError, importExportFile } from "@/lib/db/import-export-file";
import { ImportFileError, parseImportFile } from "@/lib/export/read-import-file";
import { exportFileSchema } from "@/lib/validation/export-file";
import type { TemplateName } from "../helpers/template-databases";
import { createExportFixture, createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { exportText } from "./export-helpers";

const OPTIONS = { actorId: null, unusablePasswordHash: "$2b$04$unusable.unusable.unusable.unusable.unusable.unusab" };

let source: TestDatabase;
let exported: string;
beforeAll(async () => {
  source = await createExportFixture();
  exported = await exportText(source.db, "json");
});
afterAll(async () => {
  await source.close();
});

/** Every row an import could touch, for "nothing changed" checks. */
async function snapshot(db: Db) {
  return {
    users: await db.user.count(),
    tags: await db.tag.count(),
    documents: await db.document.count(),
    claims: await db.claim.count(),
    suggested: await db.suggestedTag.count(),
    claimTags: await db.claimTag.count(),
    notes: await db.note.count(),
    audit: await db.auditEvent.count(),
  };
}

async function withDb<T>(from: TemplateName, fn: (db: Db) => Promise<T>): Promise<T> {
  const t = await createTestDatabase({ from });
  try {
    return await fn(t.db);
  } finally {
    await t.close();
  }
}

describe("JSON export", () => {
  it("is valid against its own versioned schema and is exactly JSON.stringify(file, null, 2)", () => {
    const parsed = JSON.parse(exported);
    expect(exportFileSchema.safeParse(parsed).success).toBe(true);
    expect(`${JSON.stringify(parsed, null, 2)}\n`).toBe(exported);
    expect(parsed.documents).toHaveLength(5);
  });

  it("round-trips: import into an empty database, export again, same JSON", async () => {
    await withDb("migrated", async (db) => {
      const report = await importExportFile(db, parseImportFile(exported), OPTIONS);
      expect(report).toMatchObject({
        documentsCreated: 5,
        claimsMatched: 0,
        reviewerTagsAdded: 7,
        notesCreated: 5,
        usersCreated: 3,
        tagsCreated: 3,
      });
      expect(await exportText(db, "json")).toBe(exported);
      // Imported people cannot sign in until an admin acts.
      expect(await db.user.count({ where: { active: true } })).toBe(0);
      expect(await db.auditEvent.count({ where: { action: "import.run" } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "claim.import" } })).toBe(report.claimsCreated);
    });
  });

  it("is idempotent: importing the same file twice adds nothing the second time", async () => {
    await withDb("migrated", async (db) => {
      await importExportFile(db, parseImportFile(exported), OPTIONS);
      const before = await snapshot(db);
      const again = await importExportFile(db, parseImportFile(exported), OPTIONS);
      expect(again).toMatchObject({ claimsCreated: 0, reviewerTagsAdded: 0, notesCreated: 0, documentsCreated: 0 });
      expect(await snapshot(db)).toEqual({ ...before, audit: before.audit + 1 });
    });
  });

  it("merges into a seeded database by curated seed key: reviewers' tags and notes land on the stored claims", async () => {
    await withDb("seeded", async (db) => {
      const claimsBefore = await db.claim.count();
      const report = await importExportFile(db, parseImportFile(exported), OPTIONS);
      expect(report).toMatchObject({
        claimsCreated: 0,
        claimsMatched: claimsBefore,
        reviewerTagsAdded: 7,
        notesCreated: 5,
      });
      expect(await db.claim.count()).toBe(claimsBefore);
    });
  });
});

describe("importing a malformed or hostile file changes nothing", () => {
  // Built lazily: the export exists only once beforeAll has run.
  // biome-ignore lint/suspicious/noExplicitAny: each case edits the parsed export freely to break it
  const mutate = (change: (file: Record<string, any>) => void) => () => {
    const file = JSON.parse(exported);
    change(file);
    return JSON.stringify(file);
  };

  const cases: [string, () => string, RegExp][] = [
    ["not JSON", () => "{ this is not json", /not valid JSON/],
    ["another format", () => JSON.stringify({ format: "something-else", version: 1 }), /format/],
    ["a future version", mutate((f) => (f.version = 2)), /only version 1/],
    [
      "an unknown key (prototype pollution attempt)",
      () => exported.replace('"seedKey"', '"__proto__": { "admin": true }, "seedKey"'),
      /Unrecognized key|__proto__/,
    ],
    [
      "a quote that is not the text at its offsets",
      mutate((f) => (f.documents[1].claims[3].exact = "invented words")),
      /quote is not the text/,
    ],
    ["a span outside the text", mutate((f) => (f.documents[0].claims[0].end = 10_000_000)), /not inside the text/],
    [
      "a text that does not match its sha256",
      mutate((f) => (f.documents[2].text += " tampered")),
      /does not match its sha256/,
    ],
    [
      "a tag not in the vocabulary",
      mutate((f) => f.documents[0].claims[0].suggestedTags.push("made-up")),
      /not in the file's tags/,
    ],
    [
      "a duplicate claim id",
      mutate((f) => (f.documents[1].claims[0].id = f.documents[0].claims[0].id)),
      /appears twice/,
    ],
    [
      "a reply loop",
      mutate((f) => {
        const notes = f.documents[0].claims.find((c: { notes: unknown[] }) => c.notes.length === 2).notes;
        notes[0].parentId = notes[1].id;
      }),
      /loops/,
    ],
    [
      "an id with SQL in it",
      mutate((f) => (f.documents[0].claims[0].id = "x'; DROP TABLE Claim; --")),
      /letters, digits/,
    ],
    [
      "a script in a tag colour",
      mutate((f) => (f.tags[0].color = "red;background:url(javascript:alert(1))")),
      /hex colour/,
    ],
    [
      "an oversized note",
      mutate((f) => (f.documents[0].claims[3].notes[0].body = "x".repeat(50_001))),
      /too big|50000/i,
    ],
  ];

  it.each(cases)("refuses %s before touching the database", async (_name, build, message) => {
    const raw = build();
    await withDb("migrated", async (db) => {
      const before = await snapshot(db);
      let error: unknown;
      try {
        await importExportFile(db, parseImportFile(raw), OPTIONS);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toMatch(message);
      expect(await snapshot(db)).toEqual(before);
    });
  });

  it("rolls back everything when the database disagrees half-way (a document stored with another text)", async () => {
    await withDb("migrated", async (db) => {
      const file = parseImportFile(exported);
      const last = file.documents[4];
      await db.document.create({
        data: {
          fileName: last.fileName,
          slug: "other",
          title: "Other",
          text: "different text",
          sha256: "0".repeat(64),
        },
      });
      const before = await snapshot(db);
      await expect(importExportFile(db, file, OPTIONS)).rejects.toThrow(ImportConflictError);
      expect(await snapshot(db)).toEqual(before);
    });
  });
});
