import type { z } from "zod";
import { getCurrentUser, hasRole } from "../auth/current-user";
import { guardedWrite } from "../auth/guarded-write";
import { ConflictError, ForbiddenError, NotFoundError } from "../db/errors";
import type { UserSummary } from "../db/users";
import type { Role } from "../validation/user";
import { privateJson } from "./private-response";

/** Bodies above this are refused before parsing: no write of ours needs more than a note's worth. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

type JsonObject = Record<string, unknown>;

const fail = (status: number, error: string, extra: JsonObject = {}) =>
  privateJson({ ok: false, error, ...extra }, { status });

/** The request's body as a JSON object, or the refusal to send back. */
export async function readJsonObject(request: Request): Promise<JsonObject | Response> {
  // Refuse by the declared length before reading, then check what actually came.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BODY_BYTES)
    return fail(413, `body: at most ${MAX_JSON_BODY_BYTES} bytes of JSON.`, { field: "body" });
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_JSON_BODY_BYTES)
    return fail(413, `body: at most ${MAX_JSON_BODY_BYTES} bytes of JSON.`, { field: "body" });
  let body: unknown;
  try {
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return fail(400, "body: not valid JSON.", { field: "body" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return fail(400, "body: must be a JSON object.", { field: "body" });
  return body as JsonObject;
}

/**
 * A write for a JSON route handler: the same guardedWrite path as the server actions
 * (zod parse → session and role from the database → one transaction with its audit
 * event), with its outcome as an HTTP status. The session is checked before the input,
 * so an anonymous caller learns nothing about what the route accepts.
 */
export async function respondToWrite<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  needed: Role,
  write: (user: UserSummary, input: z.infer<S>) => Promise<T>,
): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return fail(401, "Your session has ended: sign in again.");
  if (!hasRole(user.role, needed))
    return fail(
      403,
      needed === "admin"
        ? "Only an admin can do this."
        : "Your account can read but not change claims: ask an admin for reviewer access.",
    );
  let refusal: unknown;
  const result = await guardedWrite(
    schema,
    input,
    needed,
    async (u, i) => {
      try {
        return await write(u, i);
      } catch (error) {
        refusal = error;
        throw error;
      }
    },
    async () => user,
  );
  if (result.ok) return privateJson({ ok: true, data: result.data });
  const body = { field: result.field, ...(result.conflict === undefined ? {} : { current: result.conflict }) };
  if (result.unavailable) return fail(503, result.error, { retryable: true });
  return fail(statusOf(refusal), result.error, body);
}

/** Refusals by kind; no refusal recorded means the input did not parse. */
function statusOf(refusal: unknown): number {
  if (refusal instanceof ConflictError) return 409;
  if (refusal instanceof NotFoundError) return 404;
  if (refusal instanceof ForbiddenError) return 403;
  return 400;
}
