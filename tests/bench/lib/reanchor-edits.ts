import { splitParagraphs } from "@/lib/anchoring/paragraphs";
import type { Span, StoredSelectors } from "@/lib/anchoring/types";
import { type AnchorState, reanchorClaim } from "@/lib/documents/reanchor";
import { readCorpus } from "@/lib/seed/corpus-files";

/**
 * The edits the re-anchoring benchmark (and its test) applies to each claim's document: each
 * returns the new text and where the claim's passage truly is in it, so an anchoring can be
 * judged correct, moved wrongly (onto other text) or orphaned.
 */
export const EDITS = [
  "text inserted before",
  "a paragraph deleted",
  "a word replaced in the quote",
  "the sentence duplicated elsewhere",
  "punctuation changed",
] as const;
export type EditName = (typeof EDITS)[number];

interface Edited {
  text: string;
  truth: Span;
}

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** Shifts a span by an edit made entirely before or after it. */
function shifted(span: Span, at: number, delta: number): Span {
  return at <= span.start ? { start: span.start + delta, end: span.end + delta } : span;
}

export function applyEdit(edit: EditName, text: string, claim: Span): Edited | null {
  const quote = text.slice(claim.start, claim.end);
  const paragraphs = splitParagraphs(text);
  const own = paragraphs.findIndex((p) => p.start <= claim.start && claim.end <= p.end);
  switch (edit) {
    case "text inserted before": {
      const note = "Editor's note: this article was updated after publication.\n\n";
      return { text: note + text, truth: shifted(claim, 0, note.length) };
    }
    case "a paragraph deleted": {
      const victim = paragraphs[own > 0 ? own - 1 : own + 1];
      if (!victim) return null;
      const end = victim.end + 2 <= text.length ? victim.end + 2 : victim.end;
      return {
        text: splice(text, victim.start, end - victim.start, ""),
        truth: shifted(claim, victim.start, -(end - victim.start)),
      };
    }
    case "a word replaced in the quote": {
      const words = [...quote.matchAll(/\p{L}{3,}/gu)];
      if (words.length < 2) return null;
      const word = words[Math.floor(words.length / 2)];
      const at = claim.start + (word.index ?? 0);
      const replacement = "altered";
      return {
        text: splice(text, at, word[0].length, replacement),
        truth: { start: claim.start, end: claim.end + replacement.length - word[0].length },
      };
    }
    case "the sentence duplicated elsewhere": {
      const p = paragraphs[own];
      const sentence = text.slice(p.start, p.end);
      // Appended as a new last paragraph: the original stays where it was.
      return { text: `${text}\n\n${sentence}`, truth: claim };
    }
    case "punctuation changed": {
      const inside = /[,.;:!?]/.exec(quote);
      if (inside)
        return { text: splice(text, claim.start + inside.index, 1, inside[0] === "," ? ";" : ","), truth: claim };
      const after = text[claim.end];
      if (after && /[,.;:!?]/.test(after))
        return { text: splice(text, claim.end, 1, after === "," ? ";" : ","), truth: claim };
      return null;
    }
  }
}

export type Verdict = "correct" | "moved wrongly" | "orphaned";

/** Correct when the anchored passage overlaps the true one by at least half (Jaccard), whatever the state says. */
export function judge(anchored: Span | null, truth: Span): Verdict {
  if (!anchored) return "orphaned";
  const overlap = Math.max(0, Math.min(anchored.end, truth.end) - Math.max(anchored.start, truth.start));
  const union = Math.max(anchored.end, truth.end) - Math.min(anchored.start, truth.start);
  return overlap / union >= 0.5 ? "correct" : "moved wrongly";
}

export interface EditResult {
  edit: EditName;
  cases: number;
  correct: number;
  movedWrongly: number;
  orphaned: number;
  states: Record<AnchorState, number>;
  wrong: string[];
}

/** Every curated claim of the five documents under every edit. */
export function measureReanchoring(): EditResult[] {
  const corpus = readCorpus();
  return EDITS.map((edit) => {
    const r: EditResult = {
      edit,
      cases: 0,
      correct: 0,
      movedWrongly: 0,
      orphaned: 0,
      states: { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 },
      wrong: [],
    };
    for (const { text, curated } of corpus) {
      const paragraphs = splitParagraphs(text);
      for (const c of curated.claims) {
        const edited = applyEdit(edit, text, c);
        if (!edited) continue;
        const p = paragraphs.find((x) => x.start <= c.start && c.end <= x.end);
        const stored: StoredSelectors = {
          start: c.start,
          end: c.end,
          exact: c.exact,
          prefix: c.prefix,
          suffix: c.suffix,
          paragraphStart: p?.start ?? 0,
          paragraphEnd: p?.end ?? 0,
        };
        const out = reanchorClaim(edited.text, stored);
        const verdict = judge(out.state === "orphaned" ? null : out.selectors, edited.truth);
        r.cases++;
        r.states[out.state]++;
        if (verdict === "correct") r.correct++;
        else if (verdict === "orphaned") r.orphaned++;
        else {
          r.movedWrongly++;
          if (out.state !== "orphaned") r.wrong.push(`${c.id} "${c.exact}" → "${out.selectors.exact}" (${out.state})`);
        }
      }
    }
    return r;
  });
}
