import type { TagAgreement } from "@/lib/agreement/report";
import styles from "./agreement.module.css";
import { FigureCell } from "./figure-card";

/** Per tag, agreement on the yes/no decision "does this tag apply?". */
export function TagAgreementTable({
  perTag,
  tagLabels,
}: {
  perTag: TagAgreement[];
  tagLabels: Record<string, string>;
}) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Agreement per tag</caption>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col" className={styles.num}>
              Applied
            </th>
            <th scope="col" className={styles.num}>
              Fleiss' κ
            </th>
            <th scope="col" className={styles.num}>
              Krippendorff's α
            </th>
          </tr>
        </thead>
        <tbody>
          {perTag.map((t) => (
            <tr key={t.tag}>
              <th scope="row">{tagLabels[t.tag] ?? t.tag}</th>
              <td className={styles.num}>{t.applied}</td>
              <FigureCell figure={t.fleiss} />
              <FigureCell figure={t.alpha} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
