import type { Db } from "../db/client";
import { findExportDocument } from "../db/export-read";
import { explainUnknownFilters, findMatchingClaims } from "../db/search";
import { parseQuery } from "../search/query-syntax";
import { SearchInputError } from "../search/types";

/**
 * What an export covers. Every format reads its claims through a scope: the documents to
 * walk (null = every document) and, optionally, a filter on claim ids. A search scope runs
 * the query once (lib/search, the same language as the search page) and keeps its hits;
 * with a document too, only that document's hits.
 */
export type ExportScopeRequest =
  | { kind: "corpus" }
  | { kind: "document"; document: string }
  | { kind: "query"; q: string; document?: string };

export interface ExportScope {
  request: ExportScopeRequest;
  /** Shown in report headings, e.g. "whole corpus" or the document's title. */
  label: string;
  /** Used in download file names, e.g. "corpus" or the document's slug. */
  fileStem: string;
  /** The documents to walk, or null for all of them. */
  documentIds: string[] | null;
  /** Keeps only some claims of those documents (a search result); null keeps them all. */
  includeClaim: ((claimId: string) => boolean) | null;
  /** How many claims the scope keeps, when resolving it counted them (a search result). */
  claimCount: number | null;
}

export class UnknownDocumentError extends Error {
  constructor(readonly document: string) {
    super(`No document "${document}" (give its file name or slug).`);
  }
}

/** The scope the download route's and the CLI's parameters ask for. */
export function scopeRequestOf({ document, q }: { document?: string; q?: string }): ExportScopeRequest {
  if (q !== undefined) return document ? { kind: "query", q, document } : { kind: "query", q };
  return document ? { kind: "document", document } : { kind: "corpus" };
}

/** A search query the export cannot run; the message is for the person who typed it. */
export class ExportQueryError extends Error {}

export async function resolveScope(db: Db, request: ExportScopeRequest): Promise<ExportScope> {
  switch (request.kind) {
    case "corpus":
      return {
        request,
        label: "whole corpus",
        fileStem: "corpus",
        documentIds: null,
        includeClaim: null,
        claimCount: null,
      };
    case "document": {
      const doc = await findExportDocument(db, request.document);
      if (!doc) throw new UnknownDocumentError(request.document);
      return {
        request: { kind: "document", document: doc.fileName },
        label: doc.title,
        fileStem: doc.slug,
        documentIds: [doc.id],
        includeClaim: null,
        claimCount: null,
      };
    }
    case "query":
      return resolveQueryScope(db, request.q, request.document);
  }
}

async function resolveQueryScope(db: Db, q: string, document: string | undefined): Promise<ExportScope> {
  const doc = document === undefined ? null : await findExportDocument(db, document);
  if (document !== undefined && !doc) throw new UnknownDocumentError(document);
  let matches: Awaited<ReturnType<typeof findMatchingClaims>>;
  try {
    matches = await findMatchingClaims(db, q);
  } catch (error) {
    throw error instanceof SearchInputError ? new ExportQueryError(error.message) : error;
  }
  if (doc) matches = matches.filter((m) => m.documentId === doc.id);
  if (matches.length === 0) {
    // A filter naming a tag, document or reviewer that does not exist is a mistake to report,
    // not an empty report to hand over.
    const unknown = await explainUnknownFilters(db, parseQuery(q));
    if (unknown.length) throw new ExportQueryError(unknown.join(" "));
  }
  const ids = new Set(matches.map((m) => m.claimId));
  return {
    request: doc ? { kind: "query", q, document: doc.fileName } : { kind: "query", q },
    label: `search “${q}”${doc ? ` in ${doc.title}` : ""}`,
    fileStem: `search-${doc ? `${doc.slug}-` : ""}${q}`,
    documentIds: [...new Set(matches.map((m) => m.documentId))],
    includeClaim: (id) => ids.has(id),
    claimCount: ids.size,
  };
}
