import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const WORDS = (
  "the program agency county sheriff officers federal local state immigration enforcement detainer jail report data rate rose fell percent " +
  "since year policy court ruling statute agreement partners community trust crime arrests removals criminal aliens public safety budget " +
  "million thousand increase decrease according study survey officials said argued claimed evidence shows record number"
).split(" ");

/** A deterministic pseudo-random generator, so every run builds the same corpus. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/**
 * A SQLite file with every migration applied and `claims` synthetic claims: documents of
 * 1,000 claims (one per sentence, five sentences a paragraph), three reviewers who tag
 * most claims (so consensus and disagreement both occur), and a note on every tenth claim.
 * Written straight with better-sqlite3 in one transaction: fixture data, not app writes.
 */
export function buildSyntheticCorpus(file: string, claims: number): void {
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const migrations = path.join("prisma", "migrations");
  for (const m of fs
    .readdirSync(migrations)
    .filter((d) => fs.statSync(path.join(migrations, d)).isDirectory())
    .sort()) {
    db.exec(fs.readFileSync(path.join(migrations, m, "migration.sql"), "utf8"));
  }
  const rand = prng(42);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  const insert = {
    user: db.prepare(
      `INSERT INTO "User" (id, email, name, passwordHash, role, active, createdAt) VALUES (?, ?, ?, 'x', 'reviewer', 1, ?)`,
    ),
    tag: db.prepare(
      `INSERT INTO "Tag" (id, slug, label, letter, color, shortcut, description, position) VALUES (?, ?, ?, ?, ?, ?, '', ?)`,
    ),
    doc: db.prepare(
      `INSERT INTO "Document" (id, slug, fileName, title, author, publication, publishedOn, text, sha256, createdAt) VALUES (?, ?, ?, ?, 'A. Writer', 'The Bench Times', '2026-01-01', ?, ?, ?)`,
    ),
    claim: db.prepare(
      `INSERT INTO "Claim" (id, documentId, start, "end", exact, prefix, suffix, paragraphStart, paragraphEnd, textHash, statement, kind, status, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    ),
    suggested: db.prepare(`INSERT INTO "SuggestedTag" (claimId, tagId) VALUES (?, ?)`),
    claimTag: db.prepare(`INSERT INTO "ClaimTag" (claimId, tagId, reviewerId, createdAt) VALUES (?, ?, ?, ?)`),
    note: db.prepare(
      `INSERT INTO "Note" (id, claimId, authorId, body, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, 1, ?, ?)`,
    ),
  };
  const tags = ["statistic", "opinion", "legal-fact"];
  const reviewers = ["u1", "u2", "u3"];
  db.transaction(() => {
    tags.forEach((slug, i) => {
      insert.tag.run(
        `t-${slug}`,
        slug,
        slug.replace("-", " "),
        slug[0].toUpperCase(),
        ["#2563eb", "#c2410c", "#047857"][i],
        slug[0],
        i + 1,
      );
    });
    reviewers.forEach((id, i) => {
      insert.user.run(id, `${id}@bench.test`, `Reviewer ${i + 1}`, iso(t0));
    });
    const perDoc = 1000;
    for (let d = 0; d * perDoc < claims; d++) {
      const count = Math.min(perDoc, claims - d * perDoc);
      const sentences: string[] = [];
      for (let i = 0; i < count; i++) {
        const words = Array.from({ length: 8 + Math.floor(rand() * 14) }, pick);
        words[0] = words[0][0].toUpperCase() + words[0].slice(1);
        sentences.push(`${words.join(" ")} ${Math.floor(rand() * 1000)}.`);
      }
      let text = "";
      const spans: { start: number; end: number; pStart: number }[] = [];
      let pStart = 0;
      sentences.forEach((s, i) => {
        if (i % 5 === 0 && i > 0) {
          text += "\n\n";
          pStart = text.length;
        } else if (i > 0) text += " ";
        spans.push({ start: text.length, end: text.length + s.length, pStart });
        text += s;
      });
      const sha = createHash("sha256").update(text).digest("hex");
      const docId = `doc-${d}`;
      insert.doc.run(
        docId,
        `bench-${d}`,
        `bench-${String(d).padStart(4, "0")}.txt`,
        `Synthetic document ${d}`,
        text,
        sha,
        iso(t0),
      );
      spans.forEach((s, i) => {
        const pEnd = text.indexOf("\n\n", s.end) === -1 ? text.length : text.indexOf("\n\n", s.end);
        const id = `c-${d}-${i}`;
        const exact = text.slice(s.start, s.end);
        insert.claim.run(
          id,
          docId,
          s.start,
          s.end,
          exact,
          text.slice(Math.max(0, s.start - 32), s.start),
          text.slice(s.end, s.end + 32),
          s.pStart,
          pEnd,
          sha,
          `Claim ${i}: ${exact.slice(0, 40)}`,
          i % 2 ? "factual" : "argumentative",
          "proposed",
          iso(t0),
          iso(t0 + i),
        );
        insert.suggested.run(id, `t-${tags[i % 3]}`);
        for (const r of reviewers)
          if (rand() < 0.7) insert.claimTag.run(id, `t-${tags[Math.floor(rand() * 3)]}`, r, iso(t0 + i));
        if (i % 10 === 0)
          insert.note.run(
            `n-${d}-${i}`,
            id,
            reviewers[i % 3],
            `Checked against the source, see **table ${i}**.\nA second line, with a comma.`,
            iso(t0 + i),
            iso(t0 + i),
          );
      });
    }
  })();
  db.close();
}
