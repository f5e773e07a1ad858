import type { z } from "zod";
import { getCurrentUser } from "../auth/current-user";
import { guardedWrite, type RefusalCode, refuseAccess } from "../auth/guarded-write";
import type { UserSummary } from "../db/users";
import type { Role } from "../validation/user";

/** Bodies above this are refused before parsing: no write of ours needs more than a note's worth. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

type JsonObject = Record<string, unknown>;

const fail = (status: number, error: string, extra: JsonObject = {}) =>
  Response.json({ ok: false, error, ...extra }, { status });

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

/** Each refusal's HTTP status: the one place the JSON API decides them. */
const HTTP_STATUS: Record<RefusalCode, number> = {
  invalid: 400,
  refused: 400,
  "signed-out": 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
};

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
  const refused = refuseAccess(user, needed);
  if (refused) return fail(HTTP_STATUS[refused.code], refused.error);
  const result = await guardedWrite(schema, input, needed, write, async () => user);
  if (result.ok) return Response.json({ ok: true, data: result.data });
  const body = { field: result.field, ...(result.conflict === undefined ? {} : { current: result.conflict }) };
  return fail(HTTP_STATUS[result.code], result.error, body);
}
