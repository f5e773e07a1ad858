import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import Database from "better-sqlite3";
import { createDb } from "@/lib/db/client";
import type { ExportFormat } from "@/lib/export/formats";
import { renderExport } from "@/lib/export/render-export";
import { resolveScope } from "@/lib/export/scope";
import { claimsOf, openExportSource } from "@/lib/export/source";

/** One export in a fresh process, so its peak memory is its own. Prints one JSON line. */
const [url, format] = process.argv.slice(2);
const db = createDb(url);
let peakHeap = 0;
const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
const timer = setInterval(sample, 20);
const source = await openExportSource(db, await resolveScope(db, { kind: "corpus" }), {
  now: new Date("2026-01-15T00:00:00Z"),
});
const rssBefore = process.memoryUsage().rss;
let bytes = 0;
const started = performance.now();
const cpuStarted = process.cpuUsage();
if (format === "floor") {
  // The floor: the same rows (live claims in reading order, their tags, suggested tags and
  // notes with people) read straight from SQLite with better-sqlite3, nothing built from them.
  const sqlite = new Database(url.slice("file:".length), { readonly: true });
  const queries = [
    `SELECT c.*, u.email, u.name FROM "Claim" c LEFT JOIN "User" u ON u.id = c.createdById
       WHERE c.deletedAt IS NULL ORDER BY c.documentId, c.start, c."end" DESC, c.id`,
    `SELECT t.*, g.slug, u.email, u.name FROM "ClaimTag" t JOIN "Tag" g ON g.id = t.tagId JOIN "User" u ON u.id = t.reviewerId`,
    `SELECT s.*, g.slug FROM "SuggestedTag" s JOIN "Tag" g ON g.id = s.tagId`,
    `SELECT n.*, u.email, u.name FROM "Note" n JOIN "User" u ON u.id = n.authorId ORDER BY n.createdAt, n.id`,
  ];
  for (const [i, sql] of queries.entries()) {
    for (const row of sqlite.prepare(sql).iterate() as Iterable<{ exact?: string }>) {
      if (i === 0) {
        source.progressDone++;
        bytes += row.exact?.length ?? 0;
      }
    }
  }
  sqlite.close();
} else if (format === "read") {
  // Baseline: the same streaming read every format does, with no rendering.
  for (const doc of source.documents) for await (const claim of claimsOf(source, doc.id)) bytes += claim.exact.length;
} else {
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      done();
    },
  });
  await pipeline(Readable.from(renderExport(format as ExportFormat, source)), sink);
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
// CPU time as well as wall time: on a shared machine the wall clock counts other processes' work.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
clearInterval(timer);
sample();
await db.$disconnect();
console.log(
  JSON.stringify({
    format,
    claims: source.progressDone,
    seconds,
    cpuSeconds,
    bytes,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    rssBeforeMB: rssBefore / 1024 / 1024,
    peakHeapMB: peakHeap / 1024 / 1024,
  }),
);
