import { PRIVATE_NO_STORE } from "@/lib/api/private-response";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { findExportDocument, readExportDocument } from "@/lib/db/export-read";

export const dynamic = "force-dynamic";

/**
 * The document's exact plain text: the resource the W3C export's selectors count into
 * (its annotations' target source), so another tool can re-anchor them.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  if (!(await getCurrentUser())) return Response.json({ error: "Sign in to read documents." }, { status: 401 });
  const header = await findExportDocument(db, (await params).slug);
  if (!header) return Response.json({ error: "No such document." }, { status: 404 });
  const doc = await readExportDocument(db, header.id);
  return new Response(doc.text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": PRIVATE_NO_STORE,
      ETag: `"${doc.sha256}"`,
    },
  });
}
