import { formatFigure, landisKochBand, readFigure, SHORT_NO_VALUE } from "@/lib/agreement/bands";
import type { Figure } from "@/lib/agreement/types";
import styles from "./agreement.module.css";

/** Where a value sits on a −1…1 gauge, as a percentage of its width. */
const gaugePosition = (value: number) => `${Math.max(0, Math.min(100, ((value + 1) / 2) * 100))}%`;

/** One headline figure: the value, a small gauge of the Landis & Koch bands, and the reading in words. */
export function FigureCard({ name, figure, hint }: { name: string; figure: Figure; hint?: string }) {
  return (
    <li className={styles.figure}>
      <p className={styles.figureName}>{name}</p>
      <p className={styles.figureValue}>{formatFigure(figure)}</p>
      {figure.value === null ? null : (
        <span className={styles.gauge} aria-hidden="true" title={landisKochBand(figure.value)}>
          <span className={styles.gaugeMark} style={{ left: gaugePosition(figure.value) }} />
        </span>
      )}
      <p className={styles.reading}>{readFigure(figure)}</p>
      {hint ? <p className={styles.band}>{hint}</p> : null}
    </li>
  );
}

/** A figure in a table cell: value, then its n and band in small type. */
export function FigureCell({ figure }: { figure: Figure }) {
  const tone = figure.value === null ? "" : figure.value > 0.6 ? styles.strong : figure.value <= 0.2 ? styles.weak : "";
  return (
    <td className={`${styles.num} ${tone}`} title={readFigure(figure)}>
      <span className={styles.cell}>
        <span>{formatFigure(figure)}</span>
        <span className={styles.cellN}>
          {figure.value === null ? SHORT_NO_VALUE[figure.reason ?? "no-overlap"] : landisKochBand(figure.value)} · n{" "}
          {figure.n}
        </span>
      </span>
    </td>
  );
}
