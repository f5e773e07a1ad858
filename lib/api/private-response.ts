/**
 * Every answer to a signed-in caller may hold private data (search hits carry note text):
 * no shared cache (a proxy, a CDN) may keep it, and the browser may not store it either.
 */
export const PRIVATE_NO_STORE = "private, no-store";

/** Response.json, marked private and not to be stored. */
export function privateJson(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Cache-Control", PRIVATE_NO_STORE);
  return Response.json(body, { ...init, headers });
}
