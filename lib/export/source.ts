import { claimNumbers } from "../claims/numbering";
import type { Db } from "../db/client";
import {
  type ClaimCursor,
  countLiveClaims,
  listExportDocuments,
  listExportTags,
  readClaimNumbering,
  readClaimPage,
  readClaimTagPage,
  readExportDocument,
} from "../db/export-read";
import { loadInstallationKey } from "../db/settings";
import { countClaim } from "../tags/counting-rule";
import type {
  ExportClaim,
  ExportDocument,
  ExportDocumentHeader,
  ExportPerson,
  ExportTag,
  NumberedClaim,
} from "./model";
import { withoutEmail } from "./reviewer-id";
import type { ExportScope } from "./scope";

/** Claims are read in pages of this many, so memory stays flat whatever the corpus size. */
export const PAGE_SIZE = 500;

export interface ExportSource {
  db: Db;
  scope: ExportScope;
  /** The export's timestamp; injected so tests get stable output. */
  now: Date;
  /** Where the app is served; the W3C export builds its IRIs on it. */
  baseUrl: string;
  tags: ExportTag[];
  documents: ExportDocumentHeader[];
  /** Claims in scope (an upper bound when a search result lost claims since it ran). */
  claimCount: number;
  /** Called after each page of claims with the running total. */
  onProgress?: (done: number, total: number) => void;
  progressDone: number;
  /** Turns user ids into opaque reviewer ids (JSON-LD; hidden addresses). */
  installationKey: string;
  /** For callers below admin: reviewers appear by name, their addresses replaced by placeholders. */
  hideEmails: boolean;
}

export interface ExportOptions {
  now?: Date;
  baseUrl?: string;
  onProgress?: (done: number, total: number) => void;
  hideEmails?: boolean;
}

export const DEFAULT_BASE_URL = "http://localhost:3000";

export async function openExportSource(db: Db, scope: ExportScope, options: ExportOptions = {}): Promise<ExportSource> {
  const [tags, documents, claimCount, installationKey] = await Promise.all([
    listExportTags(db),
    listExportDocuments(db, scope.documentIds),
    scope.claimCount ?? countLiveClaims(db, scope.documentIds),
    loadInstallationKey(db),
  ]);
  return {
    db,
    scope,
    now: options.now ?? new Date(),
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    tags,
    documents,
    claimCount,
    onProgress: options.onProgress,
    progressDone: 0,
    installationKey,
    hideEmails: options.hideEmails ?? false,
  };
}

export function loadDocument(source: ExportSource, header: ExportDocumentHeader): Promise<ExportDocument> {
  return readExportDocument(source.db, header.id);
}

/** Where the app shows a claim: its document scrolled to it (the search results' link too). */
export function claimLink(source: Pick<ExportSource, "baseUrl">, slug: string, claimId: string): string {
  return `${source.baseUrl.replace(/\/+$/, "")}/documents/${encodeURIComponent(slug)}#claim-${encodeURIComponent(claimId)}`;
}

/** A document's claim numbers, as the annotator gives them (lib/claims/numbering.ts). */
async function numbersOf(source: ExportSource, documentId: string): Promise<Map<string, number>> {
  const { current, other } = await readClaimNumbering(source.db, documentId);
  const numbers = claimNumbers(current);
  for (const [id, n] of claimNumbers(other)) numbers.set(id, current.length + n);
  return numbers;
}

/** A document's claims in scope, in reading order, page by page, each with its number in the app. */
export async function* claimsOf(source: ExportSource, documentId: string): AsyncGenerator<NumberedClaim> {
  const numbers = await numbersOf(source, documentId);
  let cursor: ClaimCursor | null = null;
  for (;;) {
    const page = await readClaimPage(source.db, documentId, cursor, PAGE_SIZE);
    if (page.length === 0) return;
    for (const claim of page) {
      if (source.scope.includeClaim && !source.scope.includeClaim(claim.id)) continue;
      source.progressDone++;
      const number = numbers.get(claim.id) ?? 0;
      yield { ...(source.hideEmails ? hideEmailsOf(source.installationKey, claim) : claim), number };
    }
    source.onProgress?.(source.progressDone, source.claimCount);
    if (page.length < PAGE_SIZE) return;
    const last = page[page.length - 1];
    cursor = { start: last.start, end: last.end, id: last.id };
  }
}

export interface SummaryRow {
  document: ExportDocumentHeader;
  claims: number;
  /** Claims per final tag (lib/tags/counting-rule.ts), by slug. */
  byTag: Record<string, number>;
  /** Claims whose reviewers reached no majority. */
  noConsensus: number;
}

/** Claims per consensus tag per document: a first, light pass for the reports' summary table. */
export async function summarize(source: ExportSource): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const document of source.documents) {
    const row: SummaryRow = { document, claims: 0, byTag: {}, noConsensus: 0 };
    let cursor: ClaimCursor | null = null;
    for (;;) {
      const page = await readClaimTagPage(source.db, document.id, cursor, PAGE_SIZE * 4);
      for (const claim of page) {
        if (source.scope.includeClaim && !source.scope.includeClaim(claim.id)) continue;
        countClaim(row, claim);
      }
      if (page.length < PAGE_SIZE * 4) break;
      const last = page[page.length - 1];
      cursor = { start: last.start, end: last.end, id: last.id };
    }
    rows.push(row);
  }
  return rows;
}

function hideEmailsOf(key: string, claim: ExportClaim): ExportClaim {
  const hide = (p: ExportPerson) => withoutEmail(key, p);
  return {
    ...claim,
    tags: claim.tags.map((t) => ({ ...t, reviewer: hide(t.reviewer) })),
    notes: claim.notes.map((n) => ({ ...n, author: hide(n.author) })),
    createdBy: claim.createdBy ? hide(claim.createdBy) : null,
  };
}
