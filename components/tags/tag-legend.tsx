import type { TagView } from "@/lib/db/tags";
import { COUNTING_RULE } from "@/lib/tags/counting-rule";
import { TagBadge } from "./tag-badge";

// The same words as the annotator's legend (components/annotator/legend.tsx).
const STATUSES: [string, string][] = [
  ["proposed", "new or not yet reviewed"],
  ["accepted", "checked and kept"],
  ["disputed", "a reviewer doubts it; see the notes"],
  ["rejected", "checked and not a claim worth keeping"],
];

/**
 * What the tag badges and numbers mean, in one place: suggested versus a reviewer's tag
 * versus the final tag that every count uses (lib/tags/counting-rule.ts), and the statuses.
 */
export function TagLegend({ tags }: { tags: TagView[] }) {
  const example = tags[0];
  return (
    <details className="tag-legend">
      <summary>What the tags and counts mean</summary>
      <dl>
        <div>
          <dt>{example ? <TagBadge tag={example} muted /> : null} suggested</dt>
          <dd>
            Dashed: proposed with the claim (curated or machine-suggested); it stands until a reviewer tags the claim.
          </dd>
        </div>
        <div>
          <dt>{example ? <TagBadge tag={example} /> : null} reviewer’s tag</dt>
          <dd>
            Solid: applied by a reviewer. Each reviewer tags on their own; “reviewers disagree” when their tags differ.
          </dd>
        </div>
        <div>
          <dt>final tag</dt>
          <dd>
            What counts. {COUNTING_RULE} When no tag reaches a majority the claim has “no consensus”. The document list,
            the document page, search results and every export count final tags.
          </dd>
        </div>
        <div>
          <dt>status</dt>
          <dd>
            <ul className="legend-statuses">
              {STATUSES.map(([status, meaning]) => (
                <li key={status}>
                  <span className="claim-status">{status}</span> {meaning}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </details>
  );
}
