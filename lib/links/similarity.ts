import { contentStems } from "./words";

export interface TextPair {
  i: number;
  j: number;
  /** tf-idf cosine in [0, 1]. */
  score: number;
  /** The shared stems, heaviest first: what makes the score, shown to the reviewer. */
  shared: string[];
}

/**
 * Pairs of texts whose tf-idf cosine reaches `threshold`, skipping pairs `sameGroup` rules
 * out (claims of one document). Candidates come from an inverted index; a word in more than
 * `maxDf` of the texts (a corpus's "program", "287(g)") is too common to propose a pair on
 * its own and is skipped as a candidate source, though it still counts in the cosine.
 * Transparent by design: the score is a cosine of visible word weights, no model involved.
 */
export function textPairs(
  texts: string[],
  options: { threshold: number; sameGroup: (i: number, j: number) => boolean; maxDf?: number },
): TextPair[] {
  const n = texts.length;
  const bags = texts.map((t) => {
    const tf = new Map<string, number>();
    for (const w of contentStems(t)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const bag of bags) for (const w of bag.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1;
  const vectors = bags.map((bag) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of bag) {
      const x = (1 + Math.log(c)) * idf(w);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  const maxDf = options.maxDf ?? Math.max(20, Math.ceil(n * 0.01));
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const w of v.keys()) {
      if ((df.get(w) ?? 0) > maxDf) continue;
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const pairs: TextPair[] = [];
  for (let i = 0; i < n; i++) {
    const candidates = new Set<number>();
    for (const w of vectors[i].keys()) for (const j of postings.get(w) ?? []) if (j > i) candidates.add(j);
    for (const j of candidates) {
      if (options.sameGroup(i, j)) continue;
      let dot = 0;
      const shared: [string, number][] = [];
      for (const [w, x] of vectors[i]) {
        const y = vectors[j].get(w);
        if (y !== undefined) {
          dot += x * y;
          shared.push([w, x * y]);
        }
      }
      if (dot >= options.threshold)
        pairs.push({
          i,
          j,
          score: Math.min(1, dot),
          shared: shared.sort((a, b) => b[1] - a[1]).map(([w]) => w),
        });
    }
  }
  return pairs;
}
