import { type CSSProperties, memo, useMemo } from "react";
import type { Span } from "@/lib/anchoring/types";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { TagView } from "@/lib/db/tags";
import { hasDisagreement } from "@/lib/tags/agreement";
import { shownTags } from "@/lib/tags/shown-tags";

interface Props {
  text: string;
  paragraphs: readonly Span[];
  /** Live claims per paragraph, in reading order (see groupByParagraph). */
  groups: readonly (readonly ClaimForReading[])[];
  tagBySlug: ReadonlyMap<string, TagView>;
  selectedId: string | null;
}

/**
 * The document text, one untouched text node per paragraph: the highlights are painted
 * over it with the CSS Custom Highlight API (HighlightPainter), so find-in-page, selection
 * and offsets see exactly the document's text. Beside each paragraph a gutter lists its
 * claims as letter badges in reading order (a tag's colour is never alone): the letters
 * the highlights cannot carry. The badges are hidden from screen readers; the claim list
 * and the selected claim's detail are the accessible route to every claim.
 */
export const DocumentText = memo(function DocumentText({ text, paragraphs, groups, tagBySlug, selectedId }: Props) {
  const lines = useMemo(() => paragraphs.map((paragraph) => estimatedLines(text, paragraph)), [text, paragraphs]);
  return (
    <div className="document-text">
      {paragraphs.map((paragraph, i) => (
        <div className="para" key={paragraph.start} style={{ "--lines": lines[i] } as CSSProperties}>
          <Paragraph start={paragraph.start} text={text.slice(paragraph.start, paragraph.end)} />
          <GutterBadges
            claims={groups[i] ?? NONE}
            tagBySlug={tagBySlug}
            selectedId={selectedId !== null && groups[i]?.some((c) => c.id === selectedId) ? selectedId : null}
          />
        </div>
      ))}
    </div>
  );
});

const NONE: readonly ClaimForReading[] = [];

/**
 * About how many lines the paragraph takes in the reading column (some 72 characters a line),
 * the height it is given while off screen and not laid out (content-visibility in
 * globals.css): the closer the guess, the less a jump to a far claim moves once the
 * paragraphs around it render.
 */
function estimatedLines(text: string, paragraph: Span): number {
  let lines = 1;
  let column = 0;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    if (text.charCodeAt(i) === 10 || column === 72) {
      lines++;
      column = 0;
    } else column++;
  }
  return lines;
}

/** The paragraph's text, never re-rendered: its text node is what the highlight ranges point into. */
const Paragraph = memo(function Paragraph({ start, text }: { start: number; text: string }) {
  return <p data-start={start}>{text}</p>;
});

interface BadgeProps {
  claims: readonly ClaimForReading[];
  tagBySlug: ReadonlyMap<string, TagView>;
  /** The selected claim's id when it is in this paragraph, else null (so other paragraphs skip re-rendering). */
  selectedId: string | null;
}

const sameClaims = (a: BadgeProps, b: BadgeProps) =>
  a.tagBySlug === b.tagBySlug &&
  a.selectedId === b.selectedId &&
  a.claims.length === b.claims.length &&
  a.claims.every((c, i) => c === b.claims[i]);

/**
 * One badge per claim: its tags' letters (· when untagged) and ≠ when reviewers disagree, so
 * "SL" (two tags) and "SL≠" (two reviewers, two answers) differ; coloured by its first tag; a
 * click selects it.
 */
const GutterBadges = memo(function GutterBadges({ claims, tagBySlug, selectedId }: BadgeProps) {
  if (claims.length === 0) return null;
  return (
    <span className="para-badges" aria-hidden="true">
      {claims.map((claim) => {
        const shown = shownTags(claim)
          .map((slug) => tagBySlug.get(slug))
          .filter((t) => t !== undefined);
        const letters = shown.map((t) => t.letter).join("") || "·";
        const disagree = hasDisagreement(claim.reviewerTags);
        return (
          <span
            key={claim.id}
            title={`${shown.map((t) => t.label).join(", ") || "no tag"}${claim.reviewerTags.length ? "" : " (suggested)"}${disagree ? "; reviewers disagree" : ""}; ${claim.status}`}
            className={claim.id === selectedId ? "claim-badge is-selected" : "claim-badge"}
            data-claim-id={claim.id}
            data-span={`${claim.start}-${claim.end}`}
            data-badge={disagree ? `${letters}≠` : letters}
            data-curated={claim.reviewerTags.length === 0 || undefined}
            style={{ "--tag": shown[0]?.color ?? "#6b7280" } as React.CSSProperties}
          />
        );
      })}
    </span>
  );
}, sameClaims);
