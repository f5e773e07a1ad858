import Link from "next/link";
import type { DocumentAgreement } from "@/lib/review/load-agreement";
import styles from "./agreement.module.css";
import { FigureCell } from "./figure-card";

/** The headline figures for each document, linking to that document's agreement page. */
export function DocumentAgreementTable({ documents }: { documents: DocumentAgreement[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Agreement per document</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col" className={styles.num}>
              Tagged by 2+ / claims
            </th>
            <th scope="col" className={styles.num}>
              Fleiss' κ
            </th>
            <th scope="col" className={styles.num}>
              α nominal
            </th>
            <th scope="col" className={styles.num}>
              α MASI
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map(({ document, report }) => (
            <tr key={document.id}>
              <th scope="row">
                <Link href={`/agreement?document=${encodeURIComponent(document.slug)}`}>{document.title}</Link>
              </th>
              <td className={styles.num}>
                {report.overlapping} / {report.claims}
              </td>
              <FigureCell figure={report.fleiss} />
              <FigureCell figure={report.alpha} />
              <FigureCell figure={report.setAlpha} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
