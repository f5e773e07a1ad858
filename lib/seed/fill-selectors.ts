import { describeSpan } from "../anchoring/describe-span";
import type { CuratedClaimFile, DraftClaimFile } from "../validation/curated-claims";

/** Start of the n-th (1-based) occurrence of `exact`, or -1. */
function nthIndexOf(text: string, exact: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(exact, at + 1);
    if (at === -1) return -1;
  }
  return at;
}

function locate(text: string, item: { exact: string; occurrence?: number; start?: number }, label: string): number {
  if (item.start !== undefined && text.startsWith(item.exact, item.start)) return item.start;
  const start = nthIndexOf(text, item.exact, item.occurrence ?? 1);
  if (start === -1) throw new Error(`${label}: "${item.exact.slice(0, 60)}" is not in the text`);
  return start;
}

/**
 * Turns a curator's draft (quotes, optionally with an occurrence number) into the
 * shipped form: stable ids, position and quote selectors. Existing ids are kept, so
 * a claim's identity survives edits to the file; new claims get the next free number.
 */
export function fillSelectors(text: string, draft: DraftClaimFile): CuratedClaimFile {
  const docNumber = draft.document.slice(0, 3);
  let next = 1 + Math.max(0, ...draft.claims.map((c) => (c.id ? Number(c.id.slice(-3)) : 0)));
  const claims = draft.claims
    .map((c) => ({ ...c, start: locate(text, c, `${draft.document} claim`) }))
    .sort((a, b) => a.start - b.start || b.exact.length - a.exact.length)
    .map((c) => {
      const end = c.start + c.exact.length;
      const { quote } = describeSpan(text, { start: c.start, end });
      const id = c.id ?? `${docNumber}-c${String(next++).padStart(3, "0")}`;
      return {
        id,
        start: c.start,
        end,
        exact: c.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        statement: c.statement,
        kind: c.kind,
        tags: c.tags,
      };
    });
  const nonClaims = draft.nonClaims.map((n) => {
    const start = locate(text, n, `${draft.document} non-claim`);
    return { start, end: start + n.exact.length, exact: n.exact, reason: n.reason };
  });
  nonClaims.sort((a, b) => a.start - b.start);
  return {
    document: draft.document,
    title: draft.title,
    author: draft.author,
    publication: draft.publication,
    date: draft.date,
    claims,
    nonClaims,
  };
}
