import fs from "node:fs";
import { parseArgs } from "node:util";
import type Database from "better-sqlite3";
import { readAgreementTags } from "@/lib/db/agreement-reads";
import { createDb } from "@/lib/db/client";
import { loadAgreement } from "@/lib/review/load-agreement";
import { DEFAULT_TAGS } from "@/lib/tags/default-tags";
import { createBenchDatabase } from "./lib/bench-database";
import { seededRandom } from "./lib/random";
import { measureInTurns } from "./lib/timing";
import { printTable, round } from "./stats";

const CLAIMS_PER_DOCUMENT = 200;
const TAGS = DEFAULT_TAGS.map((t) => t.slug);

/**
 * Every claim tagged by every reviewer: each reviewer gives the claim's "true" tag four times
 * in five and a random set otherwise, and one claim in six gets a second tag, so the figures
 * land in a realistic "substantial" band and the confusion tables have off-diagonal cells.
 */
function loadTaggedClaims(sqlite: Database.Database, claims: number, reviewers: number): void {
  const random = seededRandom(14);
  const insertTag = sqlite.prepare(
    `INSERT INTO "Tag"("id","slug","label","letter","color","shortcut","description","position") VALUES (?,?,?,?,?,?,?,?)`,
  );
  const insertUser = sqlite.prepare(`INSERT INTO "User"("id","email","name","passwordHash","role") VALUES (?,?,?,?,?)`);
  const insertDocument = sqlite.prepare(
    `INSERT INTO "Document"("id","slug","fileName","title","text","sha256") VALUES (?,?,?,?,?,?)`,
  );
  const insertClaim = sqlite.prepare(
    `INSERT INTO "Claim"("id","documentId","start","end","exact","prefix","suffix","paragraphStart","paragraphEnd","textHash","updatedAt") VALUES (?,?,?,?,?,'','',0,0,'',?)`,
  );
  const insertClaimTag = sqlite.prepare(`INSERT INTO "ClaimTag"("claimId","tagId","reviewerId") VALUES (?,?,?)`);
  const now = Date.now();
  sqlite.transaction(() => {
    for (const t of DEFAULT_TAGS)
      insertTag.run(`tag-${t.slug}`, t.slug, t.label, t.letter, t.color, t.shortcut, t.description, t.position);
    for (let r = 0; r < reviewers; r++)
      insertUser.run(`user-${r}`, `r${r}@example.test`, `Reviewer ${r}`, "x", "reviewer");
    for (let d = 0; d * CLAIMS_PER_DOCUMENT < claims; d++)
      insertDocument.run(`doc-${d}`, `doc-${d}`, `doc-${d}.txt`, `Document ${d}`, "text", "0");
    for (let c = 0; c < claims; c++) {
      const id = `claim-${c}`;
      insertClaim.run(id, `doc-${Math.floor(c / CLAIMS_PER_DOCUMENT)}`, c * 10, c * 10 + 9, `Claim ${c}`, now);
      const truth = TAGS[Math.floor(random() * TAGS.length)];
      const second = random() < 1 / 6 ? TAGS[Math.floor(random() * TAGS.length)] : null;
      for (let r = 0; r < reviewers; r++) {
        const set = new Set(random() < 0.8 ? [truth] : [TAGS[Math.floor(random() * TAGS.length)]]);
        if (second && random() < 0.7) set.add(second);
        for (const slug of set) insertClaimTag.run(id, `tag-${slug}`, `user-${r}`);
      }
    }
  })();
}

/**
 * `npm run bench -- agreement [--smoke] [--claims n,n] [--reviewers r]`: the server time of
 * the agreement page's data (lib/review/load-agreement: the tag read, every figure for the
 * corpus and per document, names and excerpts) beside the time of reading the same tags with
 * no computation (the baseline). Target: under 500 ms at 1,000 claims × 5 reviewers.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      smoke: { type: "boolean", default: false },
      claims: { type: "string" },
      reviewers: { type: "string", default: "5" },
    },
  });
  const sizes = (values.claims ?? (values.smoke ? "1000" : "1000,10000")).split(",").map(Number);
  const reviewers = Number(values.reviewers);
  const results = [];
  for (const claims of sizes) {
    const { dir, file, sqlite } = createBenchDatabase("agreement");
    try {
      loadTaggedClaims(sqlite, claims, reviewers);
      sqlite.close();
      const db = createDb(`file:${file}`);
      try {
        const [page, read] = await measureInTurns([() => loadAgreement(db, null), () => readAgreementTags(db, null)], {
          runs: values.smoke ? 3 : 20,
          budgetMs: values.smoke ? 5_000 : 30_000,
          warmup: 1,
          minRuns: values.smoke ? 1 : 5,
        });
        const view = await loadAgreement(db, null);
        results.push({
          claims,
          reviewers,
          tagRows: (await readAgreementTags(db, null)).length,
          pageP50: round(page.p50),
          pageP95: round(page.p95),
          readP50: round(read.p50),
          runs: page.runs,
          alpha: view.report.alpha.value === null ? null : round(view.report.alpha.value, 3),
        });
      } finally {
        await db.$disconnect();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable(
    results.map((r) => ({
      claims: r.claims,
      reviewers: r.reviewers,
      "tag rows": r.tagRows,
      "agreement page data p50 ms": r.pageP50,
      p95: r.pageP95,
      "read tags only p50 ms (baseline)": r.readP50,
      runs: r.runs,
      "α nominal": r.alpha ?? "—",
    })),
  );
  const target = results.find((r) => r.claims === 1000 && r.reviewers === 5);
  if (target) console.log(`\n1,000 claims × 5 reviewers: ${target.pageP50} ms (target < 500 ms).`);
  console.log(JSON.stringify({ benchmark: "agreement", targetMs: 500, results }));
}
