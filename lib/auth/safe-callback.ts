// Resolved against a placeholder origin: whatever the browser would make of the value
// (tabs and newlines dropped, backslashes read as slashes, `..` collapsed, schemes honoured)
// the URL parser makes of it too, so checking the parsed origin is checking what the
// browser would visit. Only the path, query and fragment of a same-origin URL are kept.
const PLACEHOLDER_ORIGIN = "http://claimbook.invalid";

/**
 * A callback URL only ever points inside the app: a same-origin relative path, returned
 * in its parsed, percent-encoded form (no control characters, so it is safe in a
 * `Location` header), or `fallback` when the value would leave the origin.
 */
export function safeCallbackUrl(raw: string | string[] | undefined, fallback = "/documents"): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  // Only a path is accepted: not a scheme, not a protocol-relative `//host`.
  if (!value?.startsWith("/") || value.length > 2048) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil` parses to the path `//evil`, which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
