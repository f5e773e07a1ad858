import type { TagView } from "@/lib/db/tags";

/** A tag as letter and colour together, so it never depends on colour alone. */
export function TagBadge({ tag, muted = false }: { tag: TagView; muted?: boolean }) {
  return (
    <span
      className={muted ? "tag-badge tag-badge-muted" : "tag-badge"}
      style={{ "--tag": tag.color } as React.CSSProperties}
      title={tag.label}
    >
      <span aria-hidden="true" className="tag-letter">
        {tag.letter}
      </span>
      <span className="tag-label">{tag.label}</span>
    </span>
  );
}
