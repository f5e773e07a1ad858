import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
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
if (format === "read") {
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
clearInterval(timer);
sample();
await db.$disconnect();
console.log(
  JSON.stringify({
    format,
    claims: source.progressDone,
    seconds,
    bytes,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    rssBeforeMB: rssBefore / 1024 / 1024,
    peakHeapMB: peakHeap / 1024 / 1024,
  }),
);
