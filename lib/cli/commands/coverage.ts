import { parseArgs } from "node:util";
import { readCorpus } from "../../seed/corpus-files";
import { uncoveredSentences } from "../../seed/coverage";
import { type CliIo, println } from "../io";

/** Prints every sentence of the shipped corpus that no curated claim covers, and why. */
export async function runCoverage(args: string[], io: CliIo): Promise<boolean> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } }, strict: true });
  const report = readCorpus().map(({ fileName, text, curated }) => ({
    document: fileName,
    sentences: text.length,
    claims: curated.claims.length,
    uncovered: uncoveredSentences(text, curated.claims, curated.nonClaims),
  }));
  const gaps = report.flatMap((d) => d.uncovered.filter((u) => u.reason === null));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const d of report) {
      println(io.stdout, `${d.document}: ${d.claims} claims; ${d.uncovered.length} sentence(s) not claims`);
      for (const u of d.uncovered) println(io.stdout, `  [${u.reason ?? "NO REASON: a gap"}] ${u.text}`);
    }
  }
  return gaps.length === 0;
}
