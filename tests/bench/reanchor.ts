import { measureReanchoring } from "./lib/reanchor-edits";

/**
 * `npm run bench -- reanchor`: every curated claim of the five documents under each edit
 * (text inserted before, a paragraph deleted, a word replaced inside the quote, the quote's
 * sentence duplicated elsewhere, punctuation changed), re-anchored by lib/documents/reanchor.
 * A claim is correct when it lands on (at least half of) its true passage, whatever state it
 * reports; moved wrongly when it lands elsewhere; orphaned when it is not placed at all.
 * The states say how many a reviewer is asked to confirm (fuzzy).
 */
export async function run(_args: string[]): Promise<void> {
  const started = performance.now();
  const results = measureReanchoring();
  const ms = performance.now() - started;
  const rows = results.map((r) => [
    r.edit,
    r.cases,
    r.correct,
    r.movedWrongly,
    r.orphaned,
    r.states.unchanged,
    r.states.moved,
    r.states.fuzzy,
    r.states.orphaned,
  ]);
  console.log(
    "| edit | claims | correct | moved wrongly | orphaned | unchanged | moved | fuzzy (to confirm) | orphaned (state) |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  const total = results.reduce(
    (n, r) => ({ cases: n.cases + r.cases, wrong: n.wrong + r.movedWrongly, orphaned: n.orphaned + r.orphaned }),
    { cases: 0, wrong: 0, orphaned: 0 },
  );
  console.log(
    `\n${total.cases} re-anchorings in ${ms.toFixed(0)} ms: ${total.wrong} moved wrongly, ${total.orphaned} orphaned.`,
  );
  for (const r of results) for (const w of r.wrong) console.log(`  wrong (${r.edit}): ${w}`);
  console.log(
    JSON.stringify({
      benchmark: "reanchor",
      ms: Math.round(ms),
      total,
      results: results.map(({ wrong: _w, ...r }) => r),
    }),
  );
  if (total.wrong > 0) process.exitCode = 1;
}
