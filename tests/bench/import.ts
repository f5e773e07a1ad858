import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../../lib/db/client";
import { importDocument } from "../../lib/db/document-imports";
import { storeSuggestions } from "../../lib/db/suggestions";
import { parseDocumentFile } from "../../lib/documents/parse-document";
import { makePdf } from "../integration/helpers/make-files";
import { prepareDatabase } from "../support/app-server";
import { median, printTable, round } from "./stats";

/** Pages of the synthetic report, and how many times each figure is measured. */
const FULL = { pages: 300, runs: 3 };
const SMOKE = { pages: 10, runs: 1 };
const TARGET_MS = 30_000;

/** A government-report-like page: four paragraphs with figures, dates and an argument, different on every page. */
function reportPage(n: number, run: number): string[] {
  return [0, 1, 2, 3].map(
    (p) =>
      `Section ${n}.${p + 1} (run ${run}). In fiscal year ${2010 + (n % 14)}, the program trained ${12 + n + p} officers ` +
      `across ${3 + (n % 9)} counties and processed ${(1000 + n * 37 + p).toLocaleString("en")} detainers, an increase of ` +
      `${(n % 17) + 2} percent on the year before. Under Section 287(g) of the Immigration and Nationality Act, agencies ` +
      `may enter agreements with ICE. Critics argue the arrangement is costly and erodes trust; supporters say it keeps ` +
      `communities safer. The committee reviewed ${n + p} complaints and closed ${Math.max(0, n + p - 2)} of them.`,
  );
}

/** pdf.js reading every page's text and nothing else: the floor the app's PDF import cannot beat. */
async function pdfjsTextOnly(bytes: Uint8Array): Promise<number> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}/`,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  let items = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await pdf.destroy();
  return items;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/**
 * `npm run bench -- import [--smoke]`: a 300-page PDF report (written with pdfkit, four
 * paragraphs a page) imported as the app imports an upload: parsed (pdf.js text, paragraphs
 * rebuilt, the text policy), stored as a document, and its claims suggested; beside the floor
 * of pdf.js reading the same pages' text and nothing else. Medians of 3 runs; target < 30 s.
 */
export async function run(args: string[]): Promise<void> {
  const { pages, runs } = args.includes("--smoke") ? SMOKE : FULL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-bench-import-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  prepareDatabase(url);
  const db = createDb(url);
  const samples = { floor: [] as number[], parse: [] as number[], store: [] as number[], suggest: [] as number[] };
  let characters = 0;
  let suggested = 0;
  let bytesLength = 0;
  try {
    // Warm up both readers (module load, fonts) so the first timed run measures the work alone.
    const warm = await makePdf([reportPage(0, 0)]);
    await pdfjsTextOnly(warm);
    await parseDocumentFile("warm.pdf", new Uint8Array(warm));
    for (let run = 1; run <= runs; run++) {
      // Every run a different text: the same text twice is refused as already stored.
      const bytes = await makePdf(
        Array.from({ length: pages }, (_, i) => reportPage(i + 1, run)),
        { Title: `Synthetic report ${run}` },
      );
      bytesLength = bytes.length;
      samples.floor.push((await timed(() => pdfjsTextOnly(bytes))).ms);
      const parsed = await timed(() => parseDocumentFile("report.pdf", new Uint8Array(bytes)));
      samples.parse.push(parsed.ms);
      characters = parsed.value.text.length;
      const stored = await timed(() => importDocument(db, null, parsed.value, { originalName: "report.pdf" }));
      samples.store.push(stored.ms);
      const suggestion = await timed(() => storeSuggestions(db, stored.value.id));
      samples.suggest.push(suggestion.ms);
      suggested = suggestion.value.added;
    }
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const floor = median(samples.floor);
  const parse = median(samples.parse);
  const store = median(samples.store);
  const suggest = median(samples.suggest);
  const total = parse + store + suggest;
  const row = (step: string, ms: number) => ({
    step,
    "median ms": round(ms, 0),
    "pages/s": round((pages * 1000) / ms, 0),
    "× floor": round(ms / floor, 2),
  });
  console.log(
    `A ${pages}-page PDF (${(bytesLength / 1e6).toFixed(1)} MB, ${characters.toLocaleString("en")} characters), ${runs} run(s):\n`,
  );
  printTable([
    row("floor: pdf.js text only", floor),
    row("parse (paragraphs, text policy)", parse),
    row("store the document", store),
    row(`suggest claims (${suggested})`, suggest),
    row("import, all three", total),
  ]);
  console.log(
    `\nTarget: a 300-page PDF imports in under 30 s: ${total < TARGET_MS ? "met" : "NOT met"} (${round(total / 1000, 1)} s).`,
  );
  console.log(
    JSON.stringify({
      benchmark: "import",
      pages,
      runs,
      characters,
      suggested,
      ms: {
        floor: round(floor, 0),
        parse: round(parse, 0),
        store: round(store, 0),
        suggest: round(suggest, 0),
        total: round(total, 0),
      },
      targetMet: total < TARGET_MS,
    }),
  );
}
