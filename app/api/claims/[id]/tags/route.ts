import { readJsonObject, respondToWrite } from "@/lib/api/json-write";
import { setReviewerTag } from "@/lib/db/claim-writes";
import { db } from "@/lib/db/client";
import { redactedWrite } from "@/lib/db/independent-review";
import { setTagSchema } from "@/lib/validation/claim";

type Context = { params: Promise<{ id: string }> };

// Tags are per reviewer: PUT adds the caller's tag, DELETE removes it; both are idempotent.
async function setTag(request: Request, { params }: Context, on: boolean) {
  const body = await readJsonObject(request);
  if (body instanceof Response) return body;
  const input = { ...body, claimId: (await params).id, on };
  return respondToWrite(setTagSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => setReviewerTag(db, user.id, i)),
  );
}

/** PUT {tag}: the signed-in reviewer tags the claim. */
export function PUT(request: Request, context: Context) {
  return setTag(request, context, true);
}

/** DELETE {tag}: the signed-in reviewer removes their tag. */
export function DELETE(request: Request, context: Context) {
  return setTag(request, context, false);
}
