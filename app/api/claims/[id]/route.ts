import { readJsonObject, respondToWrite } from "@/lib/api/json-write";
import { privateJson } from "@/lib/api/private-response";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getClaimForReading } from "@/lib/db/claim-reads";
import { setClaimStatus } from "@/lib/db/claim-writes";
import { db } from "@/lib/db/client";
import { claimForViewer, redactedWrite } from "@/lib/db/independent-review";
import { setStatusSchema } from "@/lib/validation/claim";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

/** GET: one claim as the reading view shows it (a live page fetches the claim an event names). */
export async function GET(_request: Request, { params }: Context) {
  const user = await getCurrentUser();
  if (!user) return privateJson({ error: "Sign in to read claims." }, { status: 401 });
  const id = (await params).id;
  const claim = id.length <= 64 ? await getClaimForReading(db, id) : null;
  if (!claim) return privateJson({ error: "There is no such claim." }, { status: 404 });
  // During an independent review, other reviewers' tags are left out, as on the page.
  return privateJson(await claimForViewer(db, user, claim));
}

/** PATCH {version, status}: sets a claim's status if it is still at `version` (409 with the newer claim otherwise). */
export async function PATCH(request: Request, { params }: Context) {
  const body = await readJsonObject(request);
  if (body instanceof Response) return body;
  const input = { ...body, claimId: (await params).id };
  return respondToWrite(setStatusSchema, input, "reviewer", (user, i) =>
    redactedWrite(db, user, () => setClaimStatus(db, user.id, i)),
  );
}
