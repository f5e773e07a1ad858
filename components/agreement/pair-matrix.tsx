import type { PairAgreement } from "@/lib/agreement/report";
import styles from "./agreement.module.css";
import { FigureCell } from "./figure-card";

/** Cohen's κ for every pair of reviewers as a matrix (symmetric; the diagonal is empty). */
export function PairMatrix({
  reviewers,
  pairs,
  names,
}: {
  reviewers: string[];
  pairs: PairAgreement[];
  names: Record<string, string>;
}) {
  const byPair = new Map(pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
  const pairOf = (a: string, b: string) => byPair.get(`${a}\u0000${b}`) ?? byPair.get(`${b}\u0000${a}`);
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className="visually-hidden">Cohen's κ for each pair of reviewers</caption>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            {reviewers.map((r) => (
              <th key={r} scope="col" className={styles.num}>
                {names[r] ?? r}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reviewers.map((a) => (
            <tr key={a}>
              <th scope="row">{names[a] ?? a}</th>
              {reviewers.map((b) => {
                const pair = a === b ? undefined : pairOf(a, b);
                return pair ? (
                  <FigureCell key={b} figure={pair.kappa} />
                ) : (
                  <td key={b} className={styles.num} aria-label="same reviewer">
                    —
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each pair's confusion table: rows are the first reviewer's tag sets, columns the second's. */
export function ConfusionTables({
  pairs,
  names,
  tagLabels,
}: {
  pairs: PairAgreement[];
  names: Record<string, string>;
  tagLabels: Record<string, string>;
}) {
  const label = (key: string) =>
    key
      .split("+")
      .map((t) => tagLabels[t] ?? t)
      .join(" + ");
  return (
    <>
      {pairs.map((p) => (
        <details key={`${p.a}-${p.b}`} className={styles.confusion}>
          <summary>
            {names[p.a] ?? p.a} × {names[p.b] ?? p.b}: {p.kappa.n} shared claims, agree on{" "}
            {Math.round(p.kappa.observed * 100)}%
          </summary>
          {p.kappa.n === 0 ? (
            <p>These two reviewers have not tagged any claim in common.</p>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <caption>
                  Rows: {names[p.a] ?? p.a}; columns: {names[p.b] ?? p.b}. The diagonal counts agreements.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Tags</th>
                    {p.kappa.categories.map((c) => (
                      <th key={c} scope="col" className={styles.num}>
                        {label(c)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.kappa.categories.map((row, i) => (
                    <tr key={row}>
                      <th scope="row">{label(row)}</th>
                      {p.kappa.table[i].map((count, j) => (
                        <td
                          key={p.kappa.categories[j]}
                          className={`${styles.num} ${i === j && count ? styles.strong : ""}`}
                        >
                          {count}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </details>
      ))}
    </>
  );
}
