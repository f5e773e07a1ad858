import { memo } from "react";
import { splitParagraphs } from "@/lib/anchoring/paragraphs";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { TagView } from "@/lib/db/tags";
import { segmentRange } from "@/lib/highlights/segments";
import { shownTags } from "@/lib/tags/shown-tags";

interface Props {
  text: string;
  /** Live claims only. */
  claims: ClaimForReading[];
  tags: TagView[];
  selectedId: string | null;
}

/**
 * The document text, paragraph by paragraph, with every claim highlighted in place.
 * Runs covered by several claims (overlap, nesting) are one element listing all of
 * them, darker the more claims cover it; the text itself is never altered, so DOM
 * offsets map straight back to document offsets.
 */
export const DocumentText = memo(function DocumentText({ text, claims, tags, selectedId }: Props) {
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]));
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const letters = (id: string) =>
    shownTags(claimById.get(id)!)
      .map((s) => tagBySlug.get(s)?.letter ?? "?")
      .join("");
  return (
    <div className="document-text">
      {splitParagraphs(text).map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start}>
          {segmentRange(paragraph, claims).map((segment) => {
            const piece = text.slice(segment.start, segment.end);
            if (segment.claimIds.length === 0) return piece;
            const innermost = claimById.get(segment.claimIds[0])!;
            const color = tagBySlug.get(shownTags(innermost)[0])?.color ?? "#6b7280";
            const selected = selectedId !== null && segment.claimIds.includes(selectedId);
            return (
              <mark
                key={segment.start}
                className={selected ? "hl is-selected" : "hl"}
                data-claims={segment.claimIds.join(" ")}
                data-depth={Math.min(segment.claimIds.length, 3)}
                data-badge={segment.startingIds.map(letters).join("·") || undefined}
                style={{ "--hl": color } as React.CSSProperties}
              >
                {piece}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
});
