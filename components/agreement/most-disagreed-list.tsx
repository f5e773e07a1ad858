import Link from "next/link";
import type { DisagreedClaim } from "@/lib/agreement/report";
import styles from "./agreement.module.css";

/** The claims reviewers disagree on most, each linking to the claim in its document. */
export function MostDisagreedList({
  claims,
  excerpts,
  names,
  tagLabels,
}: {
  claims: DisagreedClaim[];
  excerpts: Record<string, { exact: string; documentSlug: string; documentTitle: string }>;
  names: Record<string, string>;
  tagLabels: Record<string, string>;
}) {
  if (claims.length === 0) return <p>No claim has reviewers who disagree.</p>;
  return (
    <ol className={styles.disagreed}>
      {claims.map((d) => {
        const c = excerpts[d.claimId];
        return (
          <li key={d.claimId} className={styles.disagreedItem}>
            <Link className={styles.disagreedExact} href={`/documents/${c?.documentSlug ?? ""}#claim-${d.claimId}`}>
              {c?.exact ?? d.claimId}
            </Link>
            <p className="meta">
              {c?.documentTitle} · disagreement {d.disagreement.toFixed(2)} (0 same tags, 1 nothing in common)
            </p>
            <ul className={styles.judgements} aria-label="Each reviewer's tags">
              {d.judgements.map((j) => (
                <li key={j.reviewerId}>
                  <strong>{names[j.reviewerId] ?? j.reviewerId}</strong>:{" "}
                  {j.tags.map((t) => tagLabels[t] ?? t).join(" + ")}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
