import type { TagView } from "@/lib/db/tags";

/**
 * What the badges beside the text mean, closed by default (the legend below the document explains
 * tags, counts and statuses: components/tags/tag-legend.tsx). Tags show as a letter in
 * the tag's colour; a white badge is the curated suggestion (no reviewer has tagged the
 * claim yet), a filled one is reviewers' tags; ≠ marks reviewers who disagree.
 */
export function Legend({ tags }: { tags: TagView[] }) {
  const first = tags[0];
  return (
    <details className="legend">
      <summary>What the badges mean</summary>
      <dl>
        {tags.map((tag) => (
          <div key={tag.slug} style={{ display: "contents" }}>
            <dt>
              <span
                className="claim-badge"
                data-badge={tag.letter}
                style={{ "--tag": tag.color } as React.CSSProperties}
              />
            </dt>
            <dd>
              {tag.label}: reviewers tagged it so (key <kbd>{tag.shortcut}</kbd>)
            </dd>
          </div>
        ))}
        {first ? (
          <>
            <dt>
              <span
                className="claim-badge"
                data-curated
                data-badge={first.letter}
                style={{ "--tag": first.color } as React.CSSProperties}
              />
            </dt>
            <dd>suggested: the curated tag, until a reviewer tags the claim (list: “suggested”)</dd>
            <dt>
              <span
                className="claim-badge"
                data-badge={`${first.letter}≠`}
                style={{ "--tag": first.color } as React.CSSProperties}
              />
            </dt>
            <dd>reviewers disagree on the tags (list: “reviewers disagree”)</dd>
          </>
        ) : null}
        <dt>
          <span className="claim-badge" data-badge="·" style={{ "--tag": "#6b7280" } as React.CSSProperties} />
        </dt>
        <dd>no tag yet</dd>
      </dl>
    </details>
  );
}
