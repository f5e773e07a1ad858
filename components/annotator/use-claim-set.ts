"use client";

import { useEffect, useState } from "react";
import { fromWireClaims, type WireClaim } from "@/lib/claims/wire-claims";
import type { ClaimForReading } from "@/lib/db/claim-reads";

/** Where the reading view fetches its claims, and what the page knew when it was rendered. */
export interface ClaimSource {
  /** GET /api/documents/<slug>/claims */
  url: string;
  /** The hash of the text the page holds: claims anchored on another text cannot be shown on it. */
  sha256: string;
  /** Live claims when the page was rendered: the list's count until the claims arrive. */
  claimCount: number;
  /** Changes when the server re-renders the page (router.refresh): the claims are fetched again. */
  renderedAt: number;
}

/**
 * The document's claims, fetched after first paint (the page's HTML carries only the text,
 * so it is as quick to send and hydrate at 10,000 claims as at 25). null until they arrive.
 */
export function useClaimSet(source: ClaimSource, text: string) {
  const [claims, setClaims] = useState<ClaimForReading[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { url, sha256, renderedAt } = source;
  // biome-ignore lint/correctness/useExhaustiveDependencies: renderedAt changes when the server re-renders the page (router.refresh after settling a claim from the anchor queue): the claims are fetched again.
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      try {
        // The default cache mode, so the page's preload of this URL is used; the answer is
        // private, no-store, so no cache keeps it for a later fetch.
        const response = await fetch(url, { signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { sha256: string; claims: WireClaim[] };
        if (body.sha256 !== sha256) {
          setError("A new version of this document was uploaded since this page was loaded: reload to see it.");
          return;
        }
        setClaims(fromWireClaims(body.claims, text));
        setError(null);
      } catch {
        if (!controller.signal.aborted) setError("The claims could not be loaded: reload the page to try again.");
      }
    })();
    return () => controller.abort();
  }, [url, sha256, text, renderedAt]);
  return { claims, error };
}
