/** A callback URL only ever points inside the app: a path, never another origin. */
export function safeCallbackUrl(raw: string | string[] | undefined, fallback = "/documents"): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
