import type { NextRequest } from "next/server";
import { privateJson } from "@/lib/api/private-response";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { documentsUnderIndependentReview } from "@/lib/db/independent-review";
import { liveHub } from "@/lib/live/live-server";
import { parseEventId } from "@/lib/live/sse-frames";
import { openLiveStream, SSE_HEADERS } from "@/lib/live/sse-stream";
import { firstIssue } from "@/lib/validation/first-issue";
import { liveStreamParamsSchema } from "@/lib/validation/live";

export const dynamic = "force-dynamic";

/**
 * GET /api/events?document=<slug>[&after=<seq>] — the document's changes as Server-Sent
 * Events, for signed-in users. A reconnecting EventSource sends Last-Event-ID and gets what
 * it missed; `after` does the same for the first connection (the seq the page was rendered at).
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return privateJson({ error: "Sign in to follow a document's changes." }, { status: 401 });

  const parsed = liveStreamParamsSchema.safeParse({
    document: request.nextUrl.searchParams.get("document") ?? undefined,
  });
  if (!parsed.success) return privateJson({ error: firstIssue(parsed.error).message }, { status: 400 });
  const doc = await db.document.findUnique({ where: { slug: parsed.data.document }, select: { id: true } });
  if (!doc) return privateJson({ error: "There is no such document." }, { status: 404 });

  const hub = liveHub();
  const admission = hub.admit(user.id);
  if (!admission.ok) {
    return admission.reason === "per-user"
      ? privateJson(
          { error: "Too many live pages open for this account: close one and reload." },
          { status: 429, headers: { "Retry-After": "30" } },
        )
      : privateJson(
          { error: "The server follows as many live pages as it can: live updates resume shortly." },
          { status: 503, headers: { "Retry-After": "30" } },
        );
  }
  const after =
    parseEventId(request.headers.get("last-event-id")) ?? parseEventId(request.nextUrl.searchParams.get("after"));
  const blind = (await documentsUnderIndependentReview(db, user)).has(doc.id);
  const viewer = { id: user.id, name: user.name, role: user.role, blind };
  const stream = openLiveStream(hub, admission, viewer, doc.id, after, request.signal);
  return new Response(stream, { headers: SSE_HEADERS });
}
