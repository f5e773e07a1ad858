import type { Span } from "../anchoring/types";

/**
 * The claims of each paragraph, for drawing highlights and resolving a click to claims
 * without scanning the whole document. A claim never crosses a paragraph (creation and
 * re-spanning refuse it), so each claim belongs to exactly one paragraph: the one its
 * start falls in. Claims must come sorted by start; paragraphs are in text order.
 */
export function groupByParagraph<T extends Span>(paragraphs: readonly Span[], claims: readonly T[]): T[][] {
  const groups: T[][] = paragraphs.map(() => []);
  let p = 0;
  for (const claim of claims) {
    while (p + 1 < paragraphs.length && paragraphs[p + 1].start <= claim.start) p++;
    groups[p]?.push(claim);
  }
  return groups;
}

/** The index of the paragraph holding `offset` (binary search over starts), or -1 before the first. */
export function paragraphIndexAt(paragraphs: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The claims covering the character at `offset`, innermost (shortest) first, then in reading order. */
export function claimsAt<T extends Span>(claims: readonly T[], offset: number): T[] {
  return claims
    .filter((c) => c.start <= offset && offset < c.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

/** A run of text covered by `depth` claims or more (depth ≥ 2 only: where claims overlap or nest). */
export interface DepthRun extends Span {
  depth: number;
}

/**
 * Where claims overlap, and how deeply, by one sweep over their boundaries: the runs
 * covered by two or more claims, each with its count (capped at `cap`), adjacent runs of
 * the same depth merged.
 */
export function overlapRuns(claims: readonly Span[], cap = 3): DepthRun[] {
  const events: [number, number][] = [];
  for (const c of claims) {
    if (c.end <= c.start) continue;
    events.push([c.start, 1], [c.end, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: DepthRun[] = [];
  let depth = 0;
  for (let i = 0; i < events.length; i++) {
    const [at, delta] = events[i];
    depth += delta;
    const next = events[i + 1]?.[0];
    if (next === undefined || next === at || depth < 2) continue;
    const shown = Math.min(depth, cap);
    const last = runs[runs.length - 1];
    if (last && last.end === at && last.depth === shown) last.end = next;
    else runs.push({ start: at, end: next, depth: shown });
  }
  return runs;
}
