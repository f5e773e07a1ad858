"use client";

import { useMemo, useRef } from "react";
import { claimNumbers, type NumberableClaim } from "@/lib/claims/numbering";

/**
 * Each claim's number (lib/claims/numbering.ts), the same Map for as long as the set of claims
 * is the same: a tag or status write replaces one claim object, and numbering 10,000 claims
 * again (a sort with a date parse per claim) on every write would cost more than the write.
 * Numbers never change once given, so only a claim the Map does not hold calls for a recount.
 */
export function useClaimNumbers(claims: readonly NumberableClaim[]): Map<string, number> {
  const last = useRef<Map<string, number> | null>(null);
  return useMemo(() => {
    const known = last.current;
    if (known && known.size === claims.length && claims.every((c) => known.has(c.id))) return known;
    last.current = claimNumbers(claims);
    return last.current;
  }, [claims]);
}
