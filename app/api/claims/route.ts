import type { NextRequest } from "next/server";
import { privateJson } from "@/lib/api/private-response";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { slugsUnderIndependentReview } from "@/lib/db/independent-review";
import { searchClaimsWithNotices } from "@/lib/db/search";
import { excludeDocuments } from "@/lib/review/independent-review";
import { SearchInputError } from "@/lib/search/types";
import { firstIssue } from "@/lib/validation/first-issue";
import { searchHref, searchParamsObject, searchParamsSchema } from "@/lib/validation/search";

export const dynamic = "force-dynamic";

/**
 * GET /api/claims?q=…&sort=…&limit=…&cursor=… — one page of claims matching a search, for
 * signed-in users. `next` is the URL of the following page (a keyset cursor: claims added
 * meanwhile neither appear in nor shift the pages of a search already under way).
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return privateJson({ error: "Sign in to search claims." }, { status: 401 });

  const raw = searchParamsObject(request.nextUrl.searchParams);
  if ("error" in raw) return privateJson({ error: raw.error }, { status: 400 });
  const parsed = searchParamsSchema.safeParse(raw);
  if (!parsed.success) return privateJson({ error: firstIssue(parsed.error).message }, { status: 400 });
  const params = parsed.data;

  try {
    // Documents this reviewer reviews independently stay out until they mark them done.
    const hidden = await slugsUnderIndependentReview(db, user);
    const page = await searchClaimsWithNotices(db, { ...params, q: excludeDocuments(params.q, hidden) });
    return privateJson({
      q: params.q,
      sort: page.sort,
      total: page.total,
      totalIsCapped: page.totalIsCapped,
      notices: page.notices,
      suggestion: page.suggestion ?? null,
      hits: page.hits,
      nextCursor: page.nextCursor,
      next: page.nextCursor
        ? searchHref({ q: params.q, sort: params.sort, cursor: page.nextCursor }, "/api/claims") +
          (params.limit ? `&limit=${params.limit}` : "")
        : null,
    });
  } catch (error) {
    if (error instanceof SearchInputError) return privateJson({ error: error.message }, { status: 400 });
    throw error;
  }
}
