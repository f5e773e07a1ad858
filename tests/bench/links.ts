import { contextsFor } from "@/lib/links/context";
import { detectLinks } from "@/lib/links/detect";
import { extractFigures } from "@/lib/links/figures";
import { textPairs } from "@/lib/links/similarity";
import type { DetectClaim } from "@/lib/links/types";
import { readCorpus } from "@/lib/seed/corpus-files";
import { WordModel } from "./lib/word-model";

/**
 * `npm run bench -- links [--smoke] [--claims N]`: link detection (lib/links/detect.ts) on
 * the five documents and on a synthetic corpus of N claims (default 10,000; target under
 * 10 s) with planted repeated figures, reporting the recall of the planted links and the
 * time. The baseline, measured in the same run, is the naive detector: every pair of claims
 * compared (same number and shared measure word; tf-idf cosine on the full pair matrix),
 * run up to 2,000 claims where its quadratic cost still fits in a bench run.
 * --smoke: 500 synthetic claims, to check the bench runs.
 */
const NAIVE_LIMIT = 2_000;
const OFFENCES = [
  "assault",
  "dangerous drugs",
  "obstructing police",
  "weapon offenses",
  "sex offenses",
  "homicide",
  "burglary",
  "robbery",
  "fraud",
  "kidnapping",
  "arson",
  "smuggling",
];
const PERIODS = [
  "In FY 2019,",
  "In fiscal year 2020,",
  "From October 2017 to September 2020,",
  "In FY 2021,",
  "As of May 2024,",
];
const VERBS = ["encountered", "apprehended", "arrested", "removed"];

interface Synthetic {
  claims: DetectClaim[];
  /** Claim ids of each planted repeated figure. */
  planted: string[][];
}

function corpusClaims(): DetectClaim[] {
  return readCorpus().flatMap(({ fileName, text, curated }) => {
    const contexts = contextsFor(
      text,
      curated.claims.map((c) => c.start),
    );
    return curated.claims.map((c, i) => ({
      id: c.id,
      documentId: fileName,
      documentLabel: fileName,
      exact: c.exact,
      statement: c.statement ?? null,
      kind: c.kind ?? null,
      before: contexts[i],
    }));
  });
}

/**
 * N claims in documents of 50: ordinary sentences from the word model (some with a random
 * number), and planted figures — one count of one offence repeated in 2–4 documents with a
 * different wording, qualifier, verb and period each time.
 */
export function synthetic(n: number, words: WordModel): Synthetic {
  const claims: DetectClaim[] = [];
  const planted: string[][] = [];
  const documents = Math.max(4, Math.ceil(n / 50));
  const plantedCount = Math.floor(n / 40);
  let id = 0;
  const add = (documentId: number, exact: string, before: string) => {
    const claimId = `s${id++}`;
    claims.push({
      id: claimId,
      documentId: `d${documentId}`,
      documentLabel: `Document ${documentId}`,
      exact,
      statement: null,
      kind: "factual",
      before,
    });
    return claimId;
  };
  for (let p = 0; p < plantedCount; p++) {
    const value = words.between(11, 99_999);
    const offence = OFFENCES[p % OFFENCES.length];
    const copies = words.between(2, 4);
    const first = words.between(0, documents - 1);
    const ids: string[] = [];
    for (let c = 0; c < copies; c++) {
      const doc = (first + c * 7) % documents;
      const raw = value.toLocaleString("en-US");
      const exact = [
        `approximately ${raw} aliens convicted for ${offence}`,
        `${raw} for ${offence}`,
        `${raw} convicted for ${offence}`,
      ][c % 3];
      const before = `${PERIODS[words.between(0, PERIODS.length - 1)]} agencies ${VERBS[words.between(0, VERBS.length - 1)]} `;
      ids.push(add(doc, exact, before));
    }
    planted.push(ids);
  }
  while (claims.length < n) {
    // The word model's vocabulary holds the articles' numbers ("287" of "287(g)", "1", "261"):
    // without them, the only numbers are the ones placed here, at random.
    const sentence = words.sentence(words.between(8, 24)).replace(/\s*\b\d+\b/g, "");
    const withNumber = words.chance(0.2) ? `${sentence} ${words.between(2, 9_999)} ${words.sentence(3)}` : sentence;
    add(words.between(0, documents - 1), withNumber, words.sentence(12));
  }
  return { claims, planted };
}

/** The naive detector: all pairs, no index. Same decisions for figures, text cosine on every pair. */
function naiveDetect(claims: DetectClaim[]): number {
  const figures = claims.map((c) => extractFigures(c.exact, c.before));
  let pairs = 0;
  for (let i = 0; i < claims.length; i++)
    for (let j = i + 1; j < claims.length; j++) {
      if (claims[i].documentId === claims[j].documentId) continue;
      for (const a of figures[i])
        for (const b of figures[j])
          if (a.value === b.value && a.measureKey.some((w) => b.measureKey.includes(w))) pairs++;
    }
  pairs += textPairs(
    claims.map((c) => c.statement ?? c.exact),
    { threshold: 0.4, sameGroup: (i, j) => claims[i].documentId === claims[j].documentId, maxDf: claims.length },
  ).length;
  return pairs;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

function recall(planted: string[][], groups: ReturnType<typeof detectLinks>) {
  const figureGroups = groups
    .filter((g) => g.relation === "same-figure")
    .map((g) => new Set(g.members.map((m) => m.claimId)));
  const found = planted.filter((ids) =>
    figureGroups.some((g) => ids.every((id) => g.has(id)) && g.size === ids.length),
  );
  const plantedKeys = new Set(planted.map((ids) => [...ids].sort().join(",")));
  const sameFigure = groups.filter((g) => g.relation === "same-figure");
  const unplanted = sameFigure.filter(
    (g) =>
      !plantedKeys.has(
        g.members
          .map((m) => m.claimId)
          .sort()
          .join(","),
      ),
  ).length;
  const periodFlagged = sameFigure.filter((g) => g.flags.some((f) => f.kind === "period")).length;
  return {
    planted: planted.length,
    found: found.length,
    recall: found.length / Math.max(1, planted.length),
    unplanted,
    periodFlagged,
  };
}

export async function run(args: string[]): Promise<void> {
  const smoke = args.includes("--smoke");
  const sizeArg = args.find((a) => a.startsWith("--claims"));
  const n = smoke ? 500 : sizeArg ? Number(sizeArg.split("=")[1] ?? args[args.indexOf(sizeArg) + 1]) : 10_000;
  const texts = readCorpus().map((e) => e.text);

  const corpus = corpusClaims();
  const onCorpus = time(() => detectLinks(corpus));
  const naiveCorpus = time(() => naiveDetect(corpus));
  const byRelation = (gs: ReturnType<typeof detectLinks>) =>
    Object.fromEntries(
      [...new Set(gs.map((g) => g.relation))].map((r) => [r, gs.filter((g) => g.relation === r).length]),
    );

  const sizes = smoke ? [n] : [...new Set([1_000, NAIVE_LIMIT, n])].filter((s) => s <= n);
  const rows: {
    claims: number;
    ms: number;
    naiveMs: number | null;
    groups: number;
    recall: ReturnType<typeof recall>;
  }[] = [];
  for (const size of sizes) {
    const data = synthetic(size, new WordModel(texts, { seed: 15 + size }));
    const detected = time(() => detectLinks(data.claims));
    const naive = size <= NAIVE_LIMIT ? time(() => naiveDetect(data.claims)).ms : null;
    rows.push({
      claims: size,
      ms: detected.ms,
      naiveMs: naive,
      groups: detected.result.length,
      recall: recall(data.planted, detected.result),
    });
  }

  const ms = (x: number | null) =>
    x === null
      ? `not run (quadratic; > ${NAIVE_LIMIT.toLocaleString("en")} claims)`
      : `${Math.round(x).toLocaleString("en")}`;
  console.log(
    "| corpus | claims | detection ms | naive all-pairs ms (baseline) | groups | planted figures found (recall) | same-figure groups not planted | same-figure groups flagged: period |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  console.log(
    `| five documents | ${corpus.length} | ${ms(onCorpus.ms)} | ${ms(naiveCorpus.ms)} | ${onCorpus.result.length} (${Object.entries(
      byRelation(onCorpus.result),
    )
      .map(([r, c]) => `${r} ${c}`)
      .join(", ")}) | – | – | – |`,
  );
  for (const r of rows)
    console.log(
      `| synthetic | ${r.claims.toLocaleString("en")} | ${ms(r.ms)} | ${ms(r.naiveMs)} | ${r.groups} | ${r.recall.found}/${r.recall.planted} (${r.recall.recall.toFixed(3)}) | ${r.recall.unplanted} | ${r.recall.periodFlagged} |`,
    );
  const largest = rows.at(-1);
  if (largest && !smoke)
    console.log(
      `\nTarget: under 10 s at 10,000 claims — ${largest.ms < 10_000 ? "met" : "NOT met"} (${Math.round(largest.ms)} ms at ${largest.claims}).`,
    );
  console.log(
    JSON.stringify({
      benchmark: "links",
      smoke,
      corpus: { claims: corpus.length, ms: onCorpus.ms, naiveMs: naiveCorpus.ms, groups: byRelation(onCorpus.result) },
      synthetic: rows,
    }),
  );
}
