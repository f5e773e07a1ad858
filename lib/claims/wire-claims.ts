import type { ClaimForReading } from "../db/claim-reads";

/**
 * A claim as GET /api/documents/<slug>/claims sends it: without its quote, which is the
 * document's text between its offsets (every claim sent is anchored on the current text), so
 * the reading view cuts it from the text it already has instead of receiving it twice.
 */
export type WireClaim = Omit<ClaimForReading, "exact">;

export function toWireClaims(claims: readonly ClaimForReading[]): WireClaim[] {
  return claims.map(({ exact: _exact, ...rest }) => rest);
}

export function fromWireClaims(claims: readonly WireClaim[], text: string): ClaimForReading[] {
  return claims.map((c) => ({ ...c, exact: text.slice(c.start, c.end) }));
}
