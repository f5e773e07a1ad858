import { claimNumbers } from "../claims/numbering";
import type { Db } from "../db/client";
import { countLiveClaims, listExportDocuments, listExportTags, readExportDocument } from "../db/export-read";
import { type ExportReader, openExportReader } from "../db/export-reader";
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

/** Progress is reported every this many claims. */
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
  /** The claim read of the export under way (renderExport opens it), one snapshot for all its claims. */
  reader?: ExportReader;
  /** Each person as shown without an address, by user id (computed once: it costs an HMAC). */
  hidden: Map<string, ExportPerson>;
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
    hidden: new Map(),
  };
}

/**
 * Runs `use` with the export's claim reader: the one renderExport opened (so the whole export
 * reads one snapshot), or else one opened for this call and closed after it.
 */
async function* withReader<T>(source: ExportSource, use: (reader: ExportReader) => AsyncGenerator<T>) {
  if (source.reader) {
    yield* use(source.reader);
    return;
  }
  const reader = await openExportReader(source.db);
  try {
    yield* use(reader);
  } finally {
    await reader.close();
  }
}

/** Opens the claim reader for a whole export; `close` ends its snapshot. */
export async function beginExportRead(source: ExportSource): Promise<{ close(): Promise<void> }> {
  const reader = await openExportReader(source.db);
  source.reader = reader;
  return {
    async close() {
      if (source.reader === reader) source.reader = undefined;
      await reader.close();
    },
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
async function numbersOf(reader: ExportReader, documentId: string): Promise<Map<string, number>> {
  const { current, other } = await reader.numbering(documentId);
  const numbers = claimNumbers(current);
  for (const [id, n] of claimNumbers(other)) numbers.set(id, current.length + n);
  return numbers;
}

/** A document's claims in scope, in reading order, each with its number in the app. */
export function claimsOf(source: ExportSource, documentId: string): AsyncGenerator<NumberedClaim> {
  return withReader(source, async function* (reader) {
    const numbers = await numbersOf(reader, documentId);
    const include = source.scope.includeClaim;
    let read = 0;
    for await (const claim of reader.claims(documentId)) {
      if (++read % PAGE_SIZE === 0) source.onProgress?.(source.progressDone, source.claimCount);
      if (include && !include(claim.id)) continue;
      source.progressDone++;
      const numbered = (source.hideEmails ? hideEmailsOf(source, claim) : claim) as NumberedClaim;
      numbered.number = numbers.get(claim.id) ?? 0;
      yield numbered;
    }
    source.onProgress?.(source.progressDone, source.claimCount);
  });
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
  const include = source.scope.includeClaim;
  for (const document of source.documents) {
    const row: SummaryRow = { document, claims: 0, byTag: {}, noConsensus: 0 };
    const tagRows = withReader(source, async function* (reader) {
      yield* reader.claimTags(document.id);
    });
    for await (const claim of tagRows) if (!include || include(claim.id)) countClaim(row, claim);
    rows.push(row);
  }
  return rows;
}

function hideEmailsOf(source: ExportSource, claim: ExportClaim): ExportClaim {
  const hide = (p: ExportPerson) => {
    let hidden = source.hidden.get(p.id);
    if (!hidden || hidden.name !== p.name) {
      hidden = withoutEmail(source.installationKey, p);
      source.hidden.set(p.id, hidden);
    }
    return hidden;
  };
  return {
    ...claim,
    tags: claim.tags.map((t) => ({ ...t, reviewer: hide(t.reviewer) })),
    notes: claim.notes.map((n) => ({ ...n, author: hide(n.author) })),
    createdBy: claim.createdBy ? hide(claim.createdBy) : null,
  };
}
