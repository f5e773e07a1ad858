import { foldToken } from "./fold-token";
import type { ParsedQuery } from "./query-syntax";
import type { Segment } from "./types";

/**
 * Marks the words a query matched, in plain JavaScript rather than in the database: asking
 * FTS5 for highlight() means re-running the query for every hit shown, which cost more than
 * ranking all the matches. Tokens are compared the way the index folds them (case and
 * diacritics removed), so what is marked is what matched.
 */

interface Term {
  tokens: string[];
  prefix: boolean;
}

interface Token {
  start: number;
  end: number;
  folded: string;
}

const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

export { foldToken };

/** The terms to mark: the words and phrases of the query that are not excluded, with their OR alternatives and inflected forms. */
export function highlightTerms(query: ParsedQuery): Term[] {
  return query.text
    .filter((t) => !t.negated)
    .flatMap((t) => [t, ...(t.anyOf ?? [])])
    .flatMap((t) =>
      t.forms
        ? t.forms.map((form) => ({ tokens: [form], prefix: false }))
        : [{ tokens: t.tokens.map(foldToken), prefix: t.prefix }],
    );
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    folded: foldToken(m[0]),
  }));
}

/** Token index ranges [from, to) covered by a match of any term. */
function matchedRanges(tokens: Token[], terms: Term[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const term of terms) {
      const n = term.tokens.length;
      if (i + n > tokens.length) continue;
      const matches = term.tokens.every((t, j) =>
        term.prefix && j === n - 1 ? tokens[i + j].folded.startsWith(t) : tokens[i + j].folded === t,
      );
      if (matches) ranges.push([i, i + n]);
    }
  }
  return ranges;
}

function toSegments(text: string, tokens: Token[], ranges: [number, number][], from = 0, to = text.length): Segment[] {
  const marked = new Uint8Array(tokens.length);
  const joined: [number, number][] = [];
  for (const [a, b] of ranges) {
    for (let i = a; i < b; i++) marked[i] = 1;
    joined.push([tokens[a].start, tokens[b - 1].end]);
  }
  joined.sort((x, y) => x[0] - y[0]);
  const segments: Segment[] = [];
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += s;
    else segments.push({ text: s, match });
  };
  let at = from;
  for (const [a, b] of joined) {
    const start = Math.max(a, at);
    const end = Math.min(b, to);
    if (end <= start) continue;
    push(text.slice(at, start), false);
    push(text.slice(start, end), true);
    at = end;
  }
  push(text.slice(at, to), false);
  return segments;
}

/** The whole text, with matched words marked. */
export function highlightText(text: string, terms: Term[]): Segment[] {
  const tokens = tokenize(text);
  return toSegments(text, tokens, matchedRanges(tokens, terms));
}

/** About `width` words around the first match, with … where the text was cut; null when nothing matched. */
export function snippetText(text: string, terms: Term[], width = 16): Segment[] | null {
  const tokens = tokenize(text);
  const ranges = matchedRanges(tokens, terms);
  if (ranges.length === 0) return null;
  const first = Math.min(...ranges.map((r) => r[0]));
  const startToken = Math.max(0, first - Math.floor(width / 4));
  const endToken = Math.min(tokens.length, startToken + width);
  const from = startToken === 0 ? 0 : tokens[startToken].start;
  const to = endToken === tokens.length ? text.length : tokens[endToken - 1].end;
  const segments = toSegments(text, tokens, ranges, from, to);
  if (from > 0) segments.unshift({ text: "…", match: false });
  if (to < text.length) segments.push({ text: "…", match: false });
  return segments;
}
