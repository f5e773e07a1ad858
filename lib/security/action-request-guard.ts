// Server actions are public endpoints that Next.js decodes before any of our code runs. A
// hostile body (over the size limit, nested thousands deep) or a call from another origin
// makes that decoding throw, which Next.js answers with a 500. The proxy runs this check
// first and answers such calls with a 4xx instead.

/** Next.js's own limit for a server action's body (serverActions.bodySizeLimit, 1 MB by default). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;
/**
 * File uploads (Add document) arrive as multipart form data, up to next.config.js's
 * serverActions.bodySizeLimit (21 MB: lib/documents/limits.ts allows 20 MB files).
 */
export const MAX_UPLOAD_ACTION_BODY_BYTES = 21 * 1024 * 1024;
/** Far beyond any real argument (a claim edit is a few levels deep), far below a stack overflow. */
export const MAX_ACTION_NESTING = 64;

type Refusal = { status: number; error: string };

/** The deepest `[`/`{` nesting of a body, not counting brackets inside JSON strings. */
export function nestingDepth(body: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) deepest = Math.max(deepest, ++depth);
    else if ((c === 93 /* ] */ || c === 125) /* } */ && depth > 0) depth--;
  }
  return deepest;
}

/** Whether the Origin header names the host the request was sent to (Next.js compares the same two). */
function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true; // browsers always send it with a POST; tools do not, and carry no cookie of ours by accident
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return origin !== "null" && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A refusal for a server-action call that Next.js would otherwise fail on with a 500, or null to let it through. */
export async function refuseHostileAction(request: Request): Promise<Refusal | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  if (!isSameOrigin(request.headers)) return { status: 403, error: "Cross-origin calls are not allowed." };
  const declared = request.headers.get("content-length");
  if (declared === null) return { status: 411, error: "A Content-Length is required." };
  const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  const limit = multipart ? MAX_UPLOAD_ACTION_BODY_BYTES : MAX_ACTION_BODY_BYTES;
  if (!/^\d+$/.test(declared) || Number(declared) > limit) {
    return { status: 413, error: `The request is larger than ${limit} bytes.` };
  }
  // A file's bytes are not JSON: nesting means nothing there, and Next.js's own limit and
  // the action's zod parse take over. Only the JSON-encoded arguments of other actions are read.
  if (multipart) return null;
  const body = await request.clone().text();
  if (new TextEncoder().encode(body).length > MAX_ACTION_BODY_BYTES) {
    return { status: 413, error: `The request is larger than ${MAX_ACTION_BODY_BYTES} bytes.` };
  }
  if (nestingDepth(body) > MAX_ACTION_NESTING) return { status: 400, error: "The request is nested too deeply." };
  return null;
}
