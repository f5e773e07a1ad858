import { readJsonObject, respondToWrite } from "@/lib/api/json-write";
import { setClaimStatus } from "@/lib/db/claim-writes";
import { db } from "@/lib/db/client";
import { redactedWrite } from "@/lib/db/independent-review";
import { setStatusSchema } from "@/lib/validation/claim";

type Context = { params: Promise<{ id: string }> };

/** PATCH {version, status}: sets a claim's status if it is still at `version` (409 with the newer claim otherwise). */
export async function PATCH(request: Request, { params }: Context) {
  const body = await readJsonObject(request);
  if (body instanceof Response) return body;
  const input = { ...body, claimId: (await params).id };
  return respondToWrite(setStatusSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => setClaimStatus(db, user.id, i)),
  );
}
