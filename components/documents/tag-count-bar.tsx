import type { TagView } from "@/lib/db/tags";

/** Claims per tag as a small bar chart with the figures beside it. */
export function TagCountBar({
  tags,
  counts,
  total,
}: {
  tags: TagView[];
  counts: Record<string, number>;
  total: number;
}) {
  return (
    <dl className="tag-counts" aria-label="Claims per tag">
      <div className="tag-count tag-count-total">
        <dt>claims</dt>
        <dd>{total}</dd>
      </div>
      {tags.map((tag) => {
        const n = counts[tag.slug] ?? 0;
        return (
          <div key={tag.slug} className="tag-count" style={{ "--tag": tag.color } as React.CSSProperties}>
            <dt>
              <span aria-hidden="true" className="tag-letter">
                {tag.letter}
              </span>{" "}
              {tag.label}
            </dt>
            <dd>
              <span className="bar" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${total ? (100 * n) / total : 0}%` }} />
              </span>
              {n}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
