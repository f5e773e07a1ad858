import styles from "./review.module.css";

/** Claims tagged out of claims in the document, as a small bar with the figures beside it. */
export function ProgressBar({ tagged, total, done }: { tagged: number; total: number; done: boolean }) {
  const percent = total ? Math.round((100 * tagged) / total) : 0;
  return (
    <span className={styles.progress}>
      <span className={styles.track} aria-hidden="true">
        <span className={`${styles.fill} ${done ? styles.fillDone : ""}`} style={{ width: `${percent}%` }} />
      </span>
      <span>
        {tagged} / {total} tagged ({percent}%)
      </span>
    </span>
  );
}
