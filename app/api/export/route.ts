import { PRIVATE_NO_STORE } from "@/lib/api/private-response";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { exportFileName, FORMAT_INFO } from "@/lib/export/formats";
import { renderExport, toWebStream } from "@/lib/export/render-export";
import { ExportQueryError, type resolveScope, scopeRequestOf, UnknownDocumentError } from "@/lib/export/scope";
import { openExportSource } from "@/lib/export/source";
import { scopeForViewer, UnderIndependentReviewError } from "@/lib/export/viewer-scope";
import { exportParamsSchema } from "@/lib/validation/export-params";
import { firstIssue } from "@/lib/validation/first-issue";

export const dynamic = "force-dynamic";

function problem(status: number, error: string, field?: string) {
  return Response.json(field ? { error, field } : { error }, {
    status,
    headers: { "Cache-Control": PRIVATE_NO_STORE },
  });
}

/**
 * GET /api/export?format=md|html|pdf|csv|csv-notes|json|jsonld[&document=<slug or file name>][&q=<search>]
 * — streams a download of the corpus, one document, or the claims a search finds.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in to export.");
  const url = new URL(request.url);
  const parsed = exportParamsSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    return problem(400, message, field ?? "query");
  }
  const { format } = parsed.data;
  let scope: Awaited<ReturnType<typeof resolveScope>>;
  try {
    scope = await scopeForViewer(db, user, scopeRequestOf(parsed.data));
  } catch (error) {
    if (error instanceof UnknownDocumentError) return problem(404, error.message, "document");
    if (error instanceof UnderIndependentReviewError) return problem(403, error.message, "document");
    if (error instanceof ExportQueryError) return problem(400, error.message, "q");
    throw error;
  }
  const now = new Date();
  // Reviewers' addresses are for admins: anyone else gets names (and placeholder addresses).
  const source = await openExportSource(db, scope, {
    now,
    baseUrl: env().CLAIMBOOK_BASE_URL ?? url.origin,
    hideEmails: user.role !== "admin",
  });
  const fileName = exportFileName(scope.fileStem, format, now);
  return new Response(toWebStream(renderExport(format, source)), {
    headers: {
      "Content-Type": FORMAT_INFO[format].mediaType,
      "Content-Disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": PRIVATE_NO_STORE,
      "X-Content-Type-Options": "nosniff",
      // Lets the download menu show how much there is to fetch before the body arrives.
      "X-Claim-Count": String(source.claimCount),
    },
  });
}
