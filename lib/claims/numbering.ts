/**
 * A claim's number within its document: its place in the order the claims were made, with
 * the claims made together (a seed, an import) in reading order. Numbers never change once
 * given: adding a claim gives it the next number, deleting one keeps its number (it is not
 * reused), so "claim 12" in a note, a report or a conversation always means the same claim.
 * The annotator, the exports and the reports all number claims with this function.
 */
export interface NumberableClaim {
  id: string;
  start: number;
  end: number;
  /** ISO 8601, or a Date. */
  createdAt: string | Date;
}

const time = (value: string | Date) => (typeof value === "string" ? Date.parse(value) : value.getTime());

/** Every claim of one document (deleted ones included) → its number, from 1. */
export function claimNumbers(claims: readonly NumberableClaim[]): Map<string, number> {
  const ordered = claims
    .map((claim) => ({ claim, at: time(claim.createdAt) }))
    .sort(
      (a, b) =>
        a.at - b.at ||
        a.claim.start - b.claim.start ||
        b.claim.end - a.claim.end ||
        (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0),
    );
  return new Map(ordered.map(({ claim }, i) => [claim.id, i + 1]));
}
