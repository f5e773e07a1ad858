import type { Db } from "@/lib/db/client";
import type { ExportFormat } from "@/lib/export/formats";
import { renderToBuffer } from "@/lib/export/render-export";
import { type ExportScopeRequest, resolveScope } from "@/lib/export/scope";
import { openExportSource } from "@/lib/export/source";
import { BASE_URL, FIXED_NOW } from "../helpers/export-fixture";

/** One export rendered whole, with the fixed clock and base URL of the golden files. */
export async function exportBuffer(
  db: Db,
  format: ExportFormat,
  request: ExportScopeRequest = { kind: "corpus" },
): Promise<Buffer> {
  const source = await openExportSource(db, await resolveScope(db, request), { now: FIXED_NOW, baseUrl: BASE_URL });
  return renderToBuffer(format, source);
}

export async function exportText(db: Db, format: ExportFormat, request?: ExportScopeRequest): Promise<string> {
  return (await exportBuffer(db, format, request)).toString("utf8");
}

/** Every annotation of a W3C export, following the collection's embedded pages. */
export function annotationsOf(collection: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (
    let page = collection.first as Record<string, unknown> | undefined;
    page;
    page = page.next as Record<string, unknown> | undefined
  ) {
    out.push(...(page.items as Record<string, unknown>[]));
  }
  return out;
}
