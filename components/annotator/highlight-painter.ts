import type { Span } from "@/lib/anchoring/types";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { TagView } from "@/lib/db/tags";
import { overlapRuns } from "@/lib/highlights/claim-index";
import { shownTags } from "@/lib/tags/shown-tags";

/**
 * Paints claims with the CSS Custom Highlight API: `Range`s over the paragraphs' untouched
 * text nodes, registered in `CSS.highlights`, so the DOM holds one text node per paragraph
 * whatever the number of claims. One highlight per tag colour (the claim's first shown
 * tag), one per overlap depth (darker where claims nest or overlap), one for the selected
 * claim and one for the brief flash after jumping to a claim.
 *
 * Updates are proportional to the change: `sync` compares claims by identity with the last
 * call, re-paints only the claims that changed and recomputes overlap only in their paragraphs.
 * Highlights have no letters and no accessible name: the gutter badges carry the letters,
 * the claim list and the selected claim's detail are the accessible route.
 */

export const HIGHLIGHT = {
  untagged: "claim-untagged",
  depth: (n: number) => `claim-depth-${n}`,
  selected: "claim-selected",
  flash: "claim-flash",
  draft: "claim-draft",
  suggestion: "claim-suggestion",
  suggestionCurrent: "claim-suggestion-current",
  tag: (slug: string) => `claim-tag-${slug.replace(/[^a-z0-9-]/gi, "_")}`,
};

const UNTAGGED = "#6b7280";

/** A tag colour as admins store it, or the neutral grey when it is not a plain hex colour (it goes into CSS). */
function safeColor(color: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(color) ? color : UNTAGGED;
}

/** The ::highlight() rules for the tag vocabulary, as one constructed stylesheet (no inline <style>, so no CSP question). */
function stylesFor(tags: readonly TagView[]): string {
  const rule = (name: string, color: string) =>
    `::highlight(${name}) { background-color: color-mix(in srgb, ${color} 16%, transparent); text-decoration: underline 2px color-mix(in srgb, ${color} 60%, transparent); text-underline-offset: 3px; }`;
  return [
    rule(HIGHLIGHT.untagged, UNTAGGED),
    ...tags.map((t) => rule(HIGHLIGHT.tag(t.slug), safeColor(t.color))),
    `::highlight(${HIGHLIGHT.depth(2)}) { background-color: rgb(30 30 60 / 0.09); }`,
    `::highlight(${HIGHLIGHT.depth(3)}) { background-color: rgb(30 30 60 / 0.18); }`,
    `::highlight(${HIGHLIGHT.selected}) { background-color: rgb(79 70 229 / 0.22); text-decoration: underline 3px rgb(67 56 202); text-underline-offset: 3px; }`,
    `::highlight(${HIGHLIGHT.flash}) { background-color: rgb(250 204 21 / 0.45); }`,
    `::highlight(${HIGHLIGHT.suggestion}) { text-decoration: underline dotted 2px rgb(107 114 128); text-underline-offset: 4px; }`,
    `::highlight(${HIGHLIGHT.suggestionCurrent}) { background-color: rgb(107 114 128 / 0.16); text-decoration: underline dashed 2px rgb(55 65 81); text-underline-offset: 4px; }`,
    `::highlight(${HIGHLIGHT.draft}) { background-color: rgb(14 116 144 / 0.22); text-decoration: underline dashed 2px rgb(14 116 144); text-underline-offset: 4px; }`,
  ].join("\n");
}

export function highlightsSupported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

interface Painted {
  claim: ClaimForReading;
  range: Range;
  highlight: string;
}

export class HighlightPainter {
  private painted = new Map<string, Painted>();
  private depthRanges = new Map<number, Range[]>(); // paragraph index → its overlap ranges
  private highlights = new Map<string, Highlight>();
  private sheet: CSSStyleSheet;

  constructor(
    /** The text node of paragraph `index` and that paragraph's start offset. */
    private readonly textOf: (paragraphIndex: number) => { node: Text; start: number } | null,
    tags: readonly TagView[],
  ) {
    this.sheet = new CSSStyleSheet();
    this.sheet.replaceSync(stylesFor(tags));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    const names = [HIGHLIGHT.untagged, ...tags.map((t) => HIGHLIGHT.tag(t.slug))];
    for (const name of names) this.register(name, 0);
    this.register(HIGHLIGHT.depth(2), 1);
    this.register(HIGHLIGHT.depth(3), 2);
    this.register(HIGHLIGHT.selected, 3);
    this.register(HIGHLIGHT.flash, 4);
    this.register(HIGHLIGHT.suggestion, 0);
    this.register(HIGHLIGHT.suggestionCurrent, 1);
    this.register(HIGHLIGHT.draft, 5);
  }

  private register(name: string, priority: number) {
    const highlight = new Highlight();
    highlight.priority = priority;
    this.highlights.set(name, highlight);
    CSS.highlights.set(name, highlight);
  }

  dispose() {
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }

  /** A range over the document span, inside paragraph `index`'s text node. */
  rangeFor(paragraphIndex: number, span: Span): Range | null {
    const text = this.textOf(paragraphIndex);
    if (!text) return null;
    const length = text.node.length;
    const range = document.createRange();
    range.setStart(text.node, Math.max(0, Math.min(length, span.start - text.start)));
    range.setEnd(text.node, Math.max(0, Math.min(length, span.end - text.start)));
    return range;
  }

  /**
   * Brings the highlights in line with `groups` (live claims per paragraph). Claims whose
   * object is the same as last time are left alone.
   */
  sync(groups: readonly (readonly ClaimForReading[])[], knownTags: ReadonlySet<string>) {
    const seen = new Set<string>();
    const touched = new Set<number>();
    groups.forEach((claims, paragraph) => {
      for (const claim of claims) {
        seen.add(claim.id);
        const before = this.painted.get(claim.id);
        if (before?.claim === claim) continue;
        touched.add(paragraph);
        if (before) this.highlights.get(before.highlight)?.delete(before.range);
        const range = this.rangeFor(paragraph, claim);
        if (!range) continue;
        const first = shownTags(claim).find((slug) => knownTags.has(slug));
        const highlight = first ? HIGHLIGHT.tag(first) : HIGHLIGHT.untagged;
        this.highlights.get(highlight)?.add(range);
        this.painted.set(claim.id, { claim, range, highlight });
      }
    });
    for (const [id, gone] of this.painted) {
      if (seen.has(id)) continue;
      this.highlights.get(gone.highlight)?.delete(gone.range);
      this.painted.delete(id);
      touched.add(-1); // unknown paragraph: recompute overlap everywhere it could have been
    }
    const paragraphs = touched.has(-1) ? groups.map((_, i) => i) : [...touched];
    for (const paragraph of paragraphs) this.repaintOverlap(paragraph, groups[paragraph] ?? []);
  }

  private repaintOverlap(paragraph: number, claims: readonly Span[]) {
    for (const range of this.depthRanges.get(paragraph) ?? []) {
      this.highlights.get(HIGHLIGHT.depth(2))?.delete(range);
      this.highlights.get(HIGHLIGHT.depth(3))?.delete(range);
    }
    const ranges: Range[] = [];
    for (const run of overlapRuns(claims, 3)) {
      const range = this.rangeFor(paragraph, run);
      if (!range) continue;
      this.highlights.get(HIGHLIGHT.depth(run.depth))?.add(range);
      ranges.push(range);
    }
    this.depthRanges.set(paragraph, ranges);
  }

  /** The range painted for a claim, if it is painted. */
  rangeOf(claimId: string): Range | null {
    return this.painted.get(claimId)?.range ?? null;
  }

  /** The highlight a claim is painted with (its tag's), for tests and the selected outline. */
  highlightOf(claimId: string): string | null {
    return this.painted.get(claimId)?.highlight ?? null;
  }

  select(claimId: string | null) {
    const selected = this.highlights.get(HIGHLIGHT.selected)!;
    selected.clear();
    const range = claimId ? this.rangeOf(claimId) : null;
    if (range) selected.add(range);
  }

  private draftSpan: Range | null = null;

  /** Paints the passage being selected by keyboard (null: none), which lies within paragraph `paragraphIndex`. */
  draft(span: Span | null, paragraphIndex: number) {
    const draft = this.highlights.get(HIGHLIGHT.draft)!;
    draft.clear();
    this.draftSpan = span ? this.rangeFor(paragraphIndex, span) : null;
    if (this.draftSpan) draft.add(this.draftSpan);
  }

  /** Paints pending suggested claims (dotted) and the one to decide next (dashed, shaded); returns the latter's range. */
  suggestions(list: readonly (Span & { paragraph: number; current: boolean })[]): Range | null {
    const all = this.highlights.get(HIGHLIGHT.suggestion)!;
    const current = this.highlights.get(HIGHLIGHT.suggestionCurrent)!;
    all.clear();
    current.clear();
    let currentRange: Range | null = null;
    for (const s of list) {
      const range = this.rangeFor(s.paragraph, s);
      if (!range) continue;
      (s.current ? current : all).add(range);
      if (s.current) currentRange = range;
    }
    return currentRange;
  }

  /** The range of the passage being selected by keyboard. */
  draftRange(): Range | null {
    return this.draftSpan;
  }

  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  flash(claimId: string) {
    const flash = this.highlights.get(HIGHLIGHT.flash)!;
    flash.clear();
    const range = this.rangeOf(claimId);
    if (!range) return;
    flash.add(range);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => flash.clear(), 1200);
  }
}
