import { type LinkListing, listLinks } from "../db/claim-link-reads";
import type { ExportSource } from "./source";

/**
 * The links an export carries ("Claims across documents"): suggested and confirmed links
 * (rejected ones are a reviewer's "no" and stay out) with at least two of their claims in
 * the export's scope, only those claims kept. Read once per export: a corpus holds tens
 * or hundreds of links, not claims' millions.
 */
export async function loadExportLinks(source: ExportSource): Promise<LinkListing[]> {
  const documents = new Set(source.documents.map((d) => d.fileName));
  const inScope = (c: LinkListing["claims"][number]) =>
    documents.has(c.document) && (source.scope.includeClaim?.(c.id) ?? true);
  return (await listLinks(source.db, { state: "all" }))
    .map((l) => ({ ...l, claims: l.claims.filter(inScope) }))
    .filter((l) => l.claims.length >= 2);
}

export const RELATION_WORDS: Record<string, string> = {
  "same-figure": "same figure",
  "related-figure": "related figure (same measure)",
  "same-fact": "same fact",
  "same-argument": "same argument",
  contradicts: "contradicts",
};
