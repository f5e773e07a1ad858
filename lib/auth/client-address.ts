import "server-only";
// Where a request comes from, for the sign-in limits. The socket's peer address is the only
// one a client cannot choose; an `X-Forwarded-For` header is believed only for the number of
// proxies the operator says sit in front of the app (CLAIMBOOK_TRUSTED_PROXIES, default 0).

/** Set on every request by the server hook (lib/security/peer-address-hook.ts), overwriting any sent by the client. */
export const PEER_ADDRESS_HEADER = "x-claimbook-peer-address";
/** The `X-Forwarded-For` the request arrived with ("" when none), before Next.js fills in its own. */
export const ARRIVED_FORWARDED_FOR_HEADER = "x-claimbook-arrived-forwarded-for";

const MAX_TRUSTED_PROXIES = 10;

/** CLAIMBOOK_TRUSTED_PROXIES: how many reverse proxies append to X-Forwarded-For in front of the app. */
export function trustedProxyCount(value = process.env.CLAIMBOOK_TRUSTED_PROXIES): number {
  if (value === undefined || value.trim() === "") return 0;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > MAX_TRUSTED_PROXIES) {
    throw new Error(
      `CLAIMBOOK_TRUSTED_PROXIES must be a whole number from 0 to ${MAX_TRUSTED_PROXIES}, not ${JSON.stringify(value)}.`,
    );
  }
  return count;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address: the socket peer, or — behind `trustedProxies` proxies, each of which
 * appends the address it received from — the entry that the outermost trusted proxy added.
 * Entries further left were written by the client and are ignored. "unknown" when the server
 * hook did not run (a test calling the code directly).
 */
export function clientAddress(headers: HeaderBag, trustedProxies = trustedProxyCount()): string {
  const peer = header(headers, PEER_ADDRESS_HEADER)?.trim();
  if (!peer) return "unknown";
  if (trustedProxies === 0) return peer;
  const forwarded = (header(headers, ARRIVED_FORWARDED_FOR_HEADER) ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  // chain[last] is the nearest proxy; each trusted proxy vouches for the entry before it.
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}
