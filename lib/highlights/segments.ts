import type { Span } from "../anchoring/types";

export interface HighlightSpan extends Span {
  id: string;
}

/** A run of text covered by the same set of claims (possibly none). */
export interface Segment extends Span {
  /** Ids of the claims covering this run, innermost (shortest) first. */
  claimIds: string[];
  /** Ids of the claims that start at this run's start. */
  startingIds: string[];
}

/**
 * Cuts a range of text at every claim boundary, so overlapping and nested claims can be
 * drawn without nesting elements: each run knows every claim that covers it.
 */
export function segmentRange(range: Span, claims: HighlightSpan[]): Segment[] {
  const inside = claims.filter((c) => c.start < range.end && range.start < c.end);
  const cuts = new Set<number>([range.start, range.end]);
  for (const c of inside) {
    cuts.add(Math.max(c.start, range.start));
    cuts.add(Math.min(c.end, range.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = inside
      .filter((c) => c.start <= start && end <= c.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
    segments.push({
      start,
      end,
      claimIds: covering.map((c) => c.id),
      startingIds: covering.filter((c) => c.start === start).map((c) => c.id),
    });
  }
  return segments;
}
