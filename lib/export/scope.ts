import type { Db } from "../db/client";
import { findExportDocument } from "../db/export-read";

/**
 * What an export covers. Every format reads its claims through a scope: the documents to
 * walk (null = every document) and, optionally, a filter on claim ids.
 *
 * SEARCH SCOPE — where a search query plugs in: once lib/search exists, add
 * `{ kind: "query"; q: string }` to ExportScopeRequest and resolve it in resolveScope by
 * running the search and returning `{ documentIds: <documents with hits>, includeClaim:
 * (id) => hitIds.has(id) }`. Nothing else in lib/export needs to change: readers, formats,
 * the CLI (`--query`) and the route handler (`q`) only pass the request through.
 */
export type ExportScopeRequest = { kind: "corpus" } | { kind: "document"; document: string };

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
}

export class UnknownDocumentError extends Error {
  constructor(readonly document: string) {
    super(`No document "${document}" (give its file name or slug).`);
  }
}

export async function resolveScope(db: Db, request: ExportScopeRequest): Promise<ExportScope> {
  switch (request.kind) {
    case "corpus":
      return { request, label: "whole corpus", fileStem: "corpus", documentIds: null, includeClaim: null };
    case "document": {
      const doc = await findExportDocument(db, request.document);
      if (!doc) throw new UnknownDocumentError(request.document);
      return { request: { kind: "document", document: doc.fileName }, label: doc.title, fileStem: doc.slug, documentIds: [doc.id], includeClaim: null };
    }
  }
}
