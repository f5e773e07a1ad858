import type Database from "better-sqlite3";
import { LIST_SEARCH_TRIGGERS_SQL, REBUILD_SEARCH_INDEX_SQL } from "@/lib/search/sqlite/rebuild-index";
import { DEFAULT_TAGS } from "@/lib/tags/default-tags";
import { pickWeighted } from "./random";
import type { WordModel } from "./word-model";

/**
 * Fills a migrated SQLite file with a synthetic corpus straight through better-sqlite3, in
 * batches of one transaction each: documents of 200 claims, curated tags on every claim,
 * reviewers' tags on one claim in ten (some disagreeing), notes on about a third.
 */
export const CLAIMS_PER_DOCUMENT = 200;
export const REVIEWERS = 20;
const BATCH = 5_000;

const STATUSES = [
  ["proposed", 70],
  ["accepted", 15],
  ["disputed", 10],
  ["rejected", 5],
] as const;
const TAG_WEIGHTS = [
  ["statistic", 30],
  ["opinion", 50],
  ["legal-fact", 20],
] as const;

export function tagId(slug: string): string {
  return `tag-${slug}`;
}

export function reviewerEmail(i: number): string {
  return `reviewer${i}@example.test`;
}

export function documentSlug(i: number): string {
  return `doc-${i}`;
}

export interface LoadResult {
  claims: number;
  notes: number;
  documents: number;
  loadSeconds: number;
  indexSeconds: number;
}

/** Loads `claims` synthetic claims with the search triggers off, then builds the index in one pass. */
export function loadSyntheticCorpus(sqlite: Database.Database, words: WordModel, claims: number): LoadResult {
  const triggers = sqlite.prepare(LIST_SEARCH_TRIGGERS_SQL).all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);

  const started = performance.now();
  const now = Date.now();
  const insertTag = sqlite.prepare(
    `INSERT INTO "Tag"("id","slug","label","letter","color","shortcut","description","position") VALUES (?,?,?,?,?,?,?,?)`,
  );
  const insertUser = sqlite.prepare(`INSERT INTO "User"("id","email","name","passwordHash","role") VALUES (?,?,?,?,?)`);
  const insertDocument = sqlite.prepare(
    `INSERT INTO "Document"("id","slug","fileName","title","text","sha256") VALUES (?,?,?,?,?,?)`,
  );
  const insertClaim = sqlite.prepare(
    `INSERT INTO "Claim"("id","documentId","start","end","exact","prefix","suffix","paragraphStart","paragraphEnd","textHash","statement","kind","status","updatedAt","deletedAt") VALUES (?,?,?,?,?,'','',?,?,'',?,?,?,?,?)`,
  );
  const insertSuggested = sqlite.prepare(`INSERT INTO "SuggestedTag"("claimId","tagId") VALUES (?,?)`);
  const insertClaimTag = sqlite.prepare(`INSERT INTO "ClaimTag"("claimId","tagId","reviewerId") VALUES (?,?,?)`);
  const insertNote = sqlite.prepare(
    `INSERT INTO "Note"("id","claimId","authorId","body","updatedAt","deletedAt") VALUES (?,?,?,?,?,?)`,
  );

  sqlite.transaction(() => {
    for (const t of DEFAULT_TAGS)
      insertTag.run(tagId(t.slug), t.slug, t.label, t.letter, t.color, t.shortcut, t.description, t.position);
    for (let i = 0; i < REVIEWERS; i++) insertUser.run(`user-${i}`, reviewerEmail(i), `Reviewer ${i}`, "x", "reviewer");
  })();

  const documents = Math.ceil(claims / CLAIMS_PER_DOCUMENT);
  let notes = 0;
  for (let from = 0; from < claims; from += BATCH) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(claims, from + BATCH); i++) {
        const doc = Math.floor(i / CLAIMS_PER_DOCUMENT);
        if (i % CLAIMS_PER_DOCUMENT === 0) {
          insertDocument.run(
            `doc-id-${doc}`,
            documentSlug(doc),
            `${String(doc).padStart(7, "0")}.txt`,
            words.sentence(words.between(5, 11)),
            "",
            "",
          );
        }
        const id = `claim-${i}`;
        const exact = words.sentence(words.between(6, 28));
        const start = (i % CLAIMS_PER_DOCUMENT) * 400;
        const deleted = words.chance(0.01) ? now : null;
        insertClaim.run(
          id,
          `doc-id-${doc}`,
          start,
          start + exact.length,
          exact,
          start,
          start + 399,
          words.sentence(words.between(8, 24)),
          words.chance(0.5) ? "factual" : "argumentative",
          pickWeighted(words.next.bind(words), STATUSES),
          now,
          deleted,
        );
        const tag = pickWeighted(words.next.bind(words), TAG_WEIGHTS);
        insertSuggested.run(id, tagId(tag));
        if (words.chance(0.1)) {
          const second = pickWeighted(words.next.bind(words), TAG_WEIGHTS);
          if (second !== tag) insertSuggested.run(id, tagId(second));
        }
        if (words.chance(0.1)) {
          const reviewers = words.between(1, 3);
          const first = words.between(0, REVIEWERS - reviewers);
          for (let r = 0; r < reviewers; r++) {
            // Most reviewers agree with the curated tag; some do not.
            const applied = words.chance(0.75) ? tag : pickWeighted(words.next.bind(words), TAG_WEIGHTS);
            insertClaimTag.run(id, tagId(applied), `user-${first + r}`);
          }
        }
        const noteCount = words.chance(0.25) ? 1 : words.chance(0.1) ? words.between(2, 3) : 0;
        for (let n = 0; n < noteCount; n++) {
          insertNote.run(
            `note-${notes++}`,
            id,
            `user-${words.between(0, REVIEWERS - 1)}`,
            words.sentence(words.between(10, 60)),
            now,
            words.chance(0.02) ? now : null,
          );
        }
      }
    })();
  }
  const loaded = performance.now();
  sqlite.exec(REBUILD_SEARCH_INDEX_SQL);
  const indexed = performance.now();
  for (const t of triggers) sqlite.exec(t.sql);
  return { claims, notes, documents, loadSeconds: (loaded - started) / 1000, indexSeconds: (indexed - loaded) / 1000 };
}
