import "server-only";
import { type AgreementReport, agreementReport } from "../agreement/report";
import type { ClaimJudgements } from "../agreement/types";
import {
  type AgreementDocument,
  type AgreementTagRow,
  claimExcerpts,
  countClaimsByDocument,
  findAgreementDocument,
  listAgreementDocuments,
  readAgreementTags,
  reviewerNames,
} from "../db/agreement-reads";
import type { Db } from "../db/client";
import { listTags } from "../db/tags";

export interface DocumentAgreement {
  document: AgreementDocument;
  report: AgreementReport;
}

export interface AgreementView {
  /** The document the view is limited to, or null for the corpus. */
  document: AgreementDocument | null;
  /** Live claims in scope, tagged or not. */
  totalClaims: number;
  report: AgreementReport;
  /** One report per document (corpus view only; for a document view, the same as `report`). */
  perDocument: DocumentAgreement[];
  reviewerNames: Record<string, string>;
  tagLabels: Record<string, string>;
  /** Passage and document of each claim in report.mostDisagreed. */
  claims: Record<string, { exact: string; documentSlug: string; documentTitle: string }>;
}

export class UnknownAgreementDocumentError extends Error {
  constructor(readonly document: string) {
    super(`No document "${document}" (give its file name or slug).`);
  }
}

/** Groups tag rows into each claim's judgements, per document. */
export function judgementsByDocument(rows: readonly AgreementTagRow[]): Map<string, ClaimJudgements[]> {
  const claims = new Map<string, { documentId: string; byReviewer: Map<string, string[]> }>();
  for (const r of rows) {
    let c = claims.get(r.claimId);
    if (!c) {
      c = { documentId: r.documentId, byReviewer: new Map() };
      claims.set(r.claimId, c);
    }
    const tags = c.byReviewer.get(r.reviewerId);
    if (tags) tags.push(r.tag);
    else c.byReviewer.set(r.reviewerId, [r.tag]);
  }
  const out = new Map<string, ClaimJudgements[]>();
  for (const [claimId, { documentId, byReviewer }] of claims) {
    const list = out.get(documentId) ?? [];
    list.push({ claimId, judgements: [...byReviewer].map(([reviewerId, tags]) => ({ reviewerId, tags })) });
    out.set(documentId, list);
  }
  return out;
}

/**
 * Everything the agreement page, the CLI and the report section show, for the corpus or one
 * document. Untagged claims are counted in `totalClaims` but enter no figure: they hold no judgement.
 */
export async function loadAgreement(
  db: Db,
  documentKey: string | null,
  /** Keeps only some claims (an export of a search result); all when absent. */
  includeClaim?: ((claimId: string) => boolean) | null,
  /** Documents left out (those the viewer reviews independently). */
  excludeDocumentIds: ReadonlySet<string> = new Set(),
): Promise<AgreementView> {
  const document = documentKey === null ? null : await findAgreementDocument(db, documentKey);
  if (documentKey !== null && !document) throw new UnknownAgreementDocumentError(documentKey);
  const [rows, counts, tags, documents] = await Promise.all([
    readAgreementTags(db, document?.id ?? null),
    countClaimsByDocument(db, document?.id ?? null),
    listTags(db),
    document
      ? Promise.resolve([document])
      : listAgreementDocuments(db).then((all) => all.filter((d) => !excludeDocumentIds.has(d.id))),
  ]);
  const vocabulary = tags.map((t) => t.slug);
  const kept = rows.filter((r) => !excludeDocumentIds.has(r.documentId) && (!includeClaim || includeClaim(r.claimId)));
  const byDocument = judgementsByDocument(kept);
  const all = [...byDocument.values()].flat();
  const report = agreementReport(all, { tags: vocabulary });
  const perDocument = documents.map((d) => ({
    document: d,
    report: agreementReport(byDocument.get(d.id) ?? [], { tags: vocabulary, mostDisagreed: 0 }),
  }));
  const [names, excerpts] = await Promise.all([
    reviewerNames(db, report.reviewers),
    claimExcerpts(
      db,
      report.mostDisagreed.map((d) => d.claimId),
    ),
  ]);
  // The report counts only claims someone tagged; say how many there are in all.
  report.claims = [...counts].reduce((s, [id, n]) => s + (excludeDocumentIds.has(id) ? 0 : n), 0);
  for (const d of perDocument) d.report.claims = counts.get(d.document.id) ?? 0;
  return {
    document,
    totalClaims: report.claims,
    report,
    perDocument,
    reviewerNames: Object.fromEntries(names),
    tagLabels: Object.fromEntries(tags.map((t) => [t.slug, t.label])),
    claims: Object.fromEntries(excerpts),
  };
}
