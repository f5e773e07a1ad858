import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSyntheticCorpus } from "./export-corpus";

const FORMATS = ["floor", "read", "csv", "json", "jsonld", "md", "html", "pdf"];

interface Row {
  format: string;
  claims: number;
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  peakRssMB: number;
  rssBeforeMB: number;
  peakHeapMB: number;
}

/**
 * `npm run bench -- export [--sizes 10000,100000] [--formats csv,json,...]`: claims per
 * second and peak memory of each export format over synthetic corpora, each export in its
 * own process. "floor" is the baseline: the same rows read straight from SQLite with
 * better-sqlite3 and nothing built from them; "read" is the app's claim read (lib/db/export-reader.ts) with no rendering.
 * Prints a table, then (last line) the same figures as one JSON object.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: "string" },
      formats: { type: "string", default: FORMATS.join(",") },
      smoke: { type: "boolean", default: false },
    },
    strict: true,
  });
  // --smoke: one corpus of 1,000 claims (one synthetic document), each format once, as always.
  const sizes = (values.sizes ?? (values.smoke ? "1000" : "10000,100000")).split(",").map(Number);
  if (sizes.some((s) => !Number.isInteger(s) || s < 1))
    throw new Error("--sizes takes whole numbers, e.g. 10000,100000");
  const formats = values.formats.split(",");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-bench-export-"));
  const worker = path.join(import.meta.dirname, "export-worker.ts");
  const results: Record<string, Row[]> = {};
  try {
    for (const size of sizes) {
      const file = path.join(dir, `corpus-${size}.db`);
      const built = performance.now();
      buildSyntheticCorpus(file, size);
      console.error(`built ${size} claims in ${((performance.now() - built) / 1000).toFixed(1)} s`);
      results[size] = [];
      // A warm-up read first, so no format pays for a cold page cache.
      spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", worker, `file:${file}`, "read"], {
        encoding: "utf8",
      });
      for (const format of formats) {
        const child = spawnSync(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", worker, `file:${file}`, format],
          {
            encoding: "utf8",
            maxBuffer: 1 << 20,
          },
        );
        if (child.status !== 0) throw new Error(`${format} at ${size} failed:\n${child.stderr}`);
        const row = JSON.parse(child.stdout.trim().split("\n").pop()!) as Row;
        results[size].push(row);
        console.error(`  ${format}: ${row.seconds.toFixed(1)} s`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
  console.log(
    `\nExport benchmark${values.smoke ? " (smoke: figures not meaningful)" : ""}: ${os.cpus().length} cores, Node ${process.version}, load average at the end ${load}; each format in its own process\n`,
  );
  console.log(
    line([
      "format",
      ...sizes.flatMap((s) => [
        `claims/s @${s}`,
        `claims/CPU-s @${s}`,
        `× floor's CPU time @${s}`,
        `peak RSS MB @${s}`,
        `peak heap MB @${s}`,
      ]),
      `output MB @${sizes.at(-1)}`,
    ]),
  );
  console.log(line(["---", ...sizes.flatMap(() => ["---:", "---:", "---:", "---:", "---:"]), "---:"]));
  const floorSeconds = (size: number) => results[size].find((r) => r.format === "floor")?.cpuSeconds;
  for (const format of formats) {
    const rows = sizes.map((s) => results[s].find((r) => r.format === format)!);
    console.log(
      line([
        format === "read" ? "read (no rendering)" : format === "floor" ? "floor (raw SQLite)" : format,
        ...rows.flatMap((r, i) => {
          const floor = floorSeconds(sizes[i]);
          return [
            Math.round(r.claims / r.seconds),
            Math.round(r.claims / r.cpuSeconds),
            floor ? `${(r.cpuSeconds / floor).toFixed(1)}×` : "–",
            r.peakRssMB.toFixed(0),
            r.peakHeapMB.toFixed(0),
          ];
        }),
        (rows.at(-1)!.bytes / 1e6).toFixed(1),
      ]),
    );
  }
  const json = Object.fromEntries(
    formats.map((format) => [
      format,
      Object.fromEntries(
        sizes.map((s) => {
          const r = results[s].find((x) => x.format === format)!;
          return [
            s,
            {
              claimsPerSecond: Math.round(r.claims / r.seconds),
              seconds: +r.seconds.toFixed(2),
              cpuSeconds: +r.cpuSeconds.toFixed(2),
              claimsPerCpuSecond: Math.round(r.claims / r.cpuSeconds),
              peakRssMB: +r.peakRssMB.toFixed(1),
              peakHeapMB: +r.peakHeapMB.toFixed(1),
              bytes: r.bytes,
            },
          ];
        }),
      ),
    ]),
  );
  console.log(
    JSON.stringify({
      bench: "export",
      smoke: values.smoke,
      cores: os.cpus().length,
      node: process.version,
      loadAverage: os.loadavg(),
      sizes,
      formats: json,
    }),
  );
}
