import { privateJson } from "@/lib/api/private-response";
import { getCurrentUser } from "@/lib/auth/current-user";
import { toWireClaims } from "@/lib/claims/wire-claims";
import { readDocumentClaims } from "@/lib/db/claim-set-read";
import { db } from "@/lib/db/client";
import { findDocumentHeader } from "@/lib/db/documents";
import { claimsForViewer } from "@/lib/db/independent-review";

export const dynamic = "force-dynamic";

/**
 * GET: the document's claim set for its reading view, fetched after the page's first paint
 * (the page itself carries only the text). Redacted for a reviewer under independent review,
 * exactly as the page was; the quote is left out (the client cuts it from the text it has).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const user = await getCurrentUser();
  if (!user) return privateJson({ error: "Sign in to read claims." }, { status: 401 });
  const slug = (await params).slug;
  const doc = slug.length <= 200 ? await findDocumentHeader(db, slug) : null;
  if (!doc) return privateJson({ error: "There is no such document." }, { status: 404 });
  const claims = await claimsForViewer(db, user, doc.id, await readDocumentClaims(db, doc.id, doc.sha256));
  return privateJson({ sha256: doc.sha256, claims: toWireClaims(claims) });
}
