import { createHash } from "node:crypto";
import { extractFigures, type Figure } from "./figures";
import { figureFlags, negationFlag } from "./flags";
import { type TextPair, textPairs } from "./similarity";
import type { DetectClaim, DetectedGroup, LinkRelation } from "./types";

/**
 * Suggests links between claims of different documents (never confirms one):
 *  - same figure: the same number measuring the same thing (measure words overlap);
 *  - related figure: different numbers for the same measure (say FY 2019 and FY 2020);
 *  - same fact / same argument: statements similar by tf-idf cosine (lib/links/similarity.ts).
 * Pairs are merged into groups, so one fact repeated in four documents is one suggestion.
 */
export interface DetectOptions {
  /** Cosine at or above which two statements are suggested as the same fact or argument. */
  textThreshold?: number;
}

// Chosen on the five documents: at 0.4 the six text suggestions are all restatements a
// reviewer would accept; at 0.3 a third of them were claims that merely share the topic.
export const DEFAULT_TEXT_THRESHOLD = 0.4;
export const JOIN_FLOOR = 0.6;
export const JOIN_MEAN = 0.9;

interface FigureRef {
  claim: number;
  figure: Figure;
}

export const groupKey = (relation: LinkRelation, claimIds: string[]) =>
  createHash("sha256")
    .update(`${relation}:${[...claimIds].sort().join(",")}`)
    .digest("hex")
    .slice(0, 32);

const overlap = (a: string[], b: string[]) => {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const shared = b.filter((w) => set.has(w)).length;
  return { shared, dice: (2 * shared) / (a.length + b.length), jaccard: shared / (a.length + b.length - shared) };
};

function figureGroups(claims: DetectClaim[], refs: FigureRef[]): DetectedGroup[] {
  const groups: DetectedGroup[] = [];
  const labelOf = (r: FigureRef) => claims[r.claim].documentLabel;
  const build = (relation: LinkRelation, members: FigureRef[], sameValue: boolean, reason: string, score: number) => {
    // One figure per claim (its first that matched) and at least two documents.
    const byClaim = new Map<number, FigureRef>();
    for (const m of members) if (!byClaim.has(m.claim)) byClaim.set(m.claim, m);
    const chosen = [...byClaim.values()];
    if (new Set(chosen.map((m) => claims[m.claim].documentId)).size < 2) return;
    const ids = chosen.map((m) => claims[m.claim].id);
    groups.push({
      key: groupKey(relation, ids),
      relation,
      score,
      reason,
      members: chosen.map((m) => ({ claimId: claims[m.claim].id, figure: m.figure })),
      flags: figureFlags(
        chosen.map((m) => ({ label: labelOf(m), figure: m.figure })),
        sameValue,
      ),
    });
  };

  // Same figure: bucket by value, then join figures of different documents whose measures overlap.
  const byValue = new Map<number, number[]>();
  refs.forEach((r, i) => {
    const list = byValue.get(r.figure.value);
    if (list) list.push(i);
    else byValue.set(r.figure.value, [i]);
  });
  for (const [value, list] of byValue) {
    if (list.length < 2) continue;
    const pairs: TextPair[] = [];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = refs[list[i]];
        const b = refs[list[j]];
        if (claims[a.claim].documentId === claims[b.claim].documentId) continue;
        const o = overlap(a.figure.measureKey, b.figure.measureKey);
        if (o && o.dice >= 0.5) pairs.push({ i, j, score: o.dice, shared: [] });
      }
    for (const ps of linkGroups(pairs, pairs, (i) => claims[refs[list[i]].claim].documentId)) {
      const members = [...new Set(ps.flatMap((p) => [p.i, p.j]))].sort((x, y) => x - y).map((i) => refs[list[i]]);
      const measure = members[0].figure.measure;
      build(
        "same-figure",
        members,
        true,
        `The same figure, ${value.toLocaleString("en-US")} ${measure}, in ${members.length} claims.`,
        1,
      );
    }
  }

  // Related figure: different values for one measure (measure words mostly the same), both
  // with a period. Candidates come from an index of measure words, so this stays near-linear.
  const withPeriod = refs.map((r, i) => ({ r, i })).filter(({ r }) => r.figure.period && r.figure.measureKey.length);
  const byWord = new Map<string, number[]>();
  for (const { r, i } of withPeriod)
    for (const w of r.figure.measureKey) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  const related: TextPair[] = [];
  for (const { r, i } of withPeriod) {
    const seen = new Set<number>();
    for (const w of r.figure.measureKey)
      for (const j of byWord.get(w) ?? []) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        const s = refs[j];
        if (claims[s.claim].documentId === claims[r.claim].documentId) continue;
        const o = overlap(r.figure.measureKey, s.figure.measureKey);
        if (!o || o.jaccard < 0.5) continue;
        related.push({ i, j, score: o.jaccard, shared: [] });
      }
  }
  // Complete linkage, one figure per document: a measure as common as "assault" must not
  // make one group of every assault count in the corpus.
  for (const ps of linkGroups(related, related, (i) => claims[refs[i].claim].documentId)) {
    const g = [...new Set(ps.flatMap((p) => [p.i, p.j]))].sort((a, b) => a - b);
    const members = g.map((i) => refs[i]);
    if (new Set(members.map((m) => m.figure.value)).size < 2) continue;
    const versions = members.map((m) => `${m.figure.raw} (${m.figure.period?.label})`).join(", ");
    build(
      "related-figure",
      members,
      false,
      `One measure, ${members[0].figure.measure}, with different figures: ${versions}.`,
      0.8,
    );
  }
  return groups;
}

/**
 * Groups pairs by linkage: two groups merge, strongest seed pair first, only when every
 * cross pair is itself among `all` (similar enough to be compared), their mean reaches
 * `minMean`, and no document would then appear twice. Plain union-find chains (A like B,
 * B like C, so A with C) and made one group of half a corpus.
 */
function linkGroups(seeds: TextPair[], all: TextPair[], documentOf: (i: number) => string, minMean = 0): TextPair[][] {
  const score = new Map<string, TextPair>();
  const pk = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
  for (const p of all) score.set(pk(p.i, p.j), p);
  const groupOf = new Map<number, number[]>();
  for (const p of [...seeds].sort((a, b) => b.score - a.score)) {
    const a = groupOf.get(p.i) ?? [p.i];
    const b = groupOf.get(p.j) ?? [p.j];
    if (a === b) continue;
    const docs = new Set(a.map(documentOf));
    if (b.some((j) => docs.has(documentOf(j)))) continue;
    const cross = a.flatMap((i) => b.map((j) => score.get(pk(i, j))));
    if (cross.some((x) => x === undefined)) continue;
    if (cross.reduce((n, x) => n + (x as TextPair).score, 0) / cross.length < minMean) continue;
    const merged = [...a, ...b];
    for (const i of merged) groupOf.set(i, merged);
  }
  const groups = new Set(groupOf.values());
  return [...groups].map((g) => {
    const ps: TextPair[] = [];
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) ps.push(score.get(pk(g[x], g[y])) as TextPair);
    return ps;
  });
}

export function detectLinks(claims: DetectClaim[], options: DetectOptions = {}): DetectedGroup[] {
  const refs: FigureRef[] = [];
  claims.forEach((c, claim) => {
    for (const figure of extractFigures(c.exact, c.before)) refs.push({ claim, figure });
  });
  const groups = figureGroups(claims, refs);

  // A claim already joined by its figure needs no text suggestion on top: its statement
  // shares the period and offence words with every other count and would only add noise.
  const inFigureGroup = new Set(groups.flatMap((g) => g.members.map((m) => m.claimId)));
  const texts = claims.map((c) => c.statement ?? c.exact);
  const threshold = options.textThreshold ?? DEFAULT_TEXT_THRESHOLD;
  // Pairs down to JOIN_FLOOR may join a group a strong pair (>= threshold) started, when the
  // group's mean similarity stays at JOIN_MEAN of the threshold: "allows ICE to partner with
  // local police" and "allows DHS to deputize local officers" share few words but one fact.
  const all = textPairs(texts, {
    threshold: threshold * JOIN_FLOOR,
    sameGroup: (i, j) => claims[i].documentId === claims[j].documentId,
  }).filter((p) => !inFigureGroup.has(claims[p.i].id) && !inFigureGroup.has(claims[p.j].id));
  const seeds = all.filter((p) => p.score >= threshold);
  for (const ps of linkGroups(seeds, all, (i) => claims[i].documentId, threshold * JOIN_MEAN)) {
    const members = [...new Set(ps.flatMap((p) => [p.i, p.j]))].sort((a, b) => a - b);
    const argumentative = members.every((i) => claims[i].kind === "argumentative");
    const relation: LinkRelation = argumentative ? "same-argument" : "same-fact";
    const best = ps.reduce((a, b) => (b.score > a.score ? b : a));
    const score = ps.reduce((s, p) => s + p.score, 0) / ps.length;
    const flags = [];
    for (const p of ps) {
      const f = negationFlag(
        { label: claims[p.i].documentLabel, text: claims[p.i].exact },
        { label: claims[p.j].documentLabel, text: claims[p.j].exact },
      );
      if (f) {
        flags.push(f);
        break;
      }
    }
    groups.push({
      key: groupKey(
        relation,
        members.map((i) => claims[i].id),
      ),
      relation,
      score: Math.round(score * 1000) / 1000,
      reason: `Similar wording (tf-idf cosine ${best.score.toFixed(2)}; shared words: ${best.shared.slice(0, 8).join(", ")}).`,
      members: members.map((i) => ({ claimId: claims[i].id, figure: null })),
      flags,
    });
  }
  return groups;
}
