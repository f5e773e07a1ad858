import { describeSpan } from "../../lib/anchoring/describe-span";
import { enclosingParagraph, splitParagraphs } from "../../lib/anchoring/paragraphs";
import type { Span } from "../../lib/anchoring/types";

const WORDS =
  "the program agreements county sheriff officers ICE removal jail detainers training federal local state enforcement data report arrests criminal public safety policy community trust law court statute section authority".split(
    " ",
  );

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same document. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An article-like text and `claimCount` claims over it: sentences, clauses and some nested spans. */
export function syntheticDocument(claimCount: number, seed = 7) {
  const rnd = random(seed);
  const word = () => WORDS[Math.floor(rnd() * WORDS.length)];
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rnd() * 14) }, word);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    if (rnd() < 0.3) words.splice(4, 0, String(Math.floor(rnd() * 90_000)));
    return `${words.join(" ")}.`;
  };
  const paragraphs = Array.from({ length: Math.ceil(claimCount / 6) }, () =>
    Array.from({ length: 5 }, sentence).join(" "),
  );
  const text = paragraphs.join("\n\n");
  const spans: Span[] = [];
  const seen = new Set<string>();
  const sentenceSpans: Span[] = [];
  const re = /[^.]+\./g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    sentenceSpans.push({ start, end: m.index + m[0].length });
  }
  while (spans.length < claimCount) {
    const s = sentenceSpans[Math.floor(rnd() * sentenceSpans.length)];
    // Whole sentences, and clauses nested inside them.
    let span = s;
    if (rnd() < 0.5) {
      const a = s.start + Math.floor(rnd() * (s.end - s.start - 10));
      const b = Math.min(s.end, a + 10 + Math.floor(rnd() * 40));
      span = { start: Math.max(s.start, text.lastIndexOf(" ", a) + 1), end: b };
    }
    const key = `${span.start}-${span.end}`;
    if (
      span.end > span.start &&
      text.slice(span.start, span.end).trim() === text.slice(span.start, span.end) &&
      !seen.has(key)
    ) {
      seen.add(key);
      spans.push(span);
    }
  }
  const paragraphSpans = splitParagraphs(text);
  const claims = spans.map((span) => {
    const { quote } = describeSpan(text, span);
    const paragraph = enclosingParagraph(paragraphSpans, span)!;
    return {
      ...span,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      paragraphStart: paragraph.start,
      paragraphEnd: paragraph.end,
    };
  });
  return { text, claims };
}
