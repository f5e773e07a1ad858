import { seededRandom } from "./random";

/**
 * Synthetic claim text with a realistic word distribution: Zipf's law (frequency ∝ 1/rank)
 * over a 50,000-word vocabulary whose top ranks are the words of the five shipped articles
 * in their own frequency order, and whose long tail is made-up words. Two words in five
 * follow a word pair seen in the articles, so phrases such as "local police" occur.
 */
export class WordModel {
  private readonly vocabulary: string[];
  private readonly cdf: Float64Array;
  private readonly successors = new Map<string, string[]>();
  private readonly random: () => number;

  constructor(texts: string[], options: { vocabularySize?: number; seed?: number; avoid?: string[] } = {}) {
    const size = options.vocabularySize ?? 50_000;
    this.random = seededRandom(options.seed ?? 1);
    const counts = new Map<string, number>();
    for (const text of texts) {
      const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
      words.forEach((word, i) => {
        counts.set(word, (counts.get(word) ?? 0) + 1);
        const next = words[i + 1];
        if (next) this.successors.set(word, [...(this.successors.get(word) ?? []), next]);
      });
    }
    this.vocabulary = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
    const taken = new Set([...this.vocabulary, ...(options.avoid ?? [])]);
    const syllables = [
      "ka",
      "ro",
      "mi",
      "ten",
      "lo",
      "var",
      "pe",
      "sun",
      "dra",
      "li",
      "mo",
      "ex",
      "an",
      "tor",
      "qui",
      "bel",
      "nu",
      "gas",
      "fi",
      "zo",
    ];
    const made = seededRandom(7);
    while (this.vocabulary.length < size) {
      let word = "";
      const n = 2 + Math.floor(made() * 3);
      for (let i = 0; i < n; i++) word += syllables[Math.floor(made() * syllables.length)];
      if (!taken.has(word)) {
        taken.add(word);
        this.vocabulary.push(word);
      }
    }
    this.cdf = new Float64Array(size);
    let sum = 0;
    for (let i = 0; i < size; i++) this.cdf[i] = sum += 1 / (i + 1);
    for (let i = 0; i < size; i++) this.cdf[i] /= sum;
  }

  private zipfWord(): string {
    const u = this.random();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.vocabulary[lo];
  }

  /** A sentence of `n` words, the first capitalised. */
  sentence(n: number): string {
    const words: string[] = [];
    let previous: string | undefined;
    for (let i = 0; i < n; i++) {
      const next = previous ? this.successors.get(previous) : undefined;
      const word = next && this.random() < 0.4 ? next[Math.floor(this.random() * next.length)] : this.zipfWord();
      words.push(word);
      previous = word;
    }
    if (words.length) words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return words.join(" ");
  }

  /** A whole number in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  next(): number {
    return this.random();
  }
}
