"use client";

import { useEffect, useRef, useState } from "react";
import type { ClaimForReading } from "@/lib/db/claim-reads";

/** What GET /api/events sends in a `change` event (lib/live/sse-frames.ts). */
interface ChangeData {
  kind: string;
  entityId: string;
  claimId: string | null;
  version: number | null;
  actorId: string | null;
  actorName: string | null;
}

/** Fired on window when a claim's notes changed elsewhere; its notes thread reloads. */
export const NOTES_CHANGED_EVENT = "claimbook:notes-changed";

interface Options {
  /** The document's slug (null: not live) and the live seq the page was rendered at. */
  slug: string | null;
  after: number;
  viewerId: string;
  claims: readonly ClaimForReading[];
  upsert: (claim: ClaimForReading) => void;
  /** A remote change to the claim open in the detail: say so instead of swapping it silently. */
  onRemoteChange: (claim: ClaimForReading, by: string | null) => void;
  /** Someone uploaded a new version of the document: every claim was re-anchored. */
  onNewVersion: (by: string | null) => void;
}

/**
 * Follows the document's changes (GET /api/events) and applies other people's: the claim an
 * event names is fetched and swapped in place, unless the page already has that version
 * (its own write, or a conflict answer, brought it). The EventSource reconnects by itself
 * with Last-Event-ID; a `reload` event (the gap was too long to replay) reloads the page.
 */
export interface PresentPerson {
  id: string;
  name: string;
}

export function useLiveEvents({
  slug,
  after,
  viewerId,
  claims,
  upsert,
  onRemoteChange,
  onNewVersion,
}: Options): PresentPerson[] {
  const [present, setPresent] = useState<PresentPerson[]>([]);
  const latest = useRef({ claims, upsert, onRemoteChange, onNewVersion });
  latest.current = { claims, upsert, onRemoteChange, onNewVersion };

  useEffect(() => {
    if (slug === null || typeof EventSource === "undefined") return;
    const documentSlug = slug;
    let lastId = after;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // One fetch per claim at a time; a burst of events on one claim ends with its newest copy.
    const inFlight = new Map<string, Promise<void>>();

    async function refresh(claimId: string, by: string | null) {
      const response = await fetch(`/api/claims/${encodeURIComponent(claimId)}`, { cache: "no-store" });
      if (!response.ok) return;
      const claim = (await response.json()) as ClaimForReading;
      latest.current.upsert(claim);
      latest.current.onRemoteChange(claim, by);
    }

    function onChange(message: MessageEvent<string>) {
      if (/^\d+$/.test(message.lastEventId)) lastId = Number(message.lastEventId);
      const change = JSON.parse(message.data) as ChangeData;
      if (change.kind === "document.version") return latest.current.onNewVersion(change.actorName);
      if (!change.claimId) return;
      const known = latest.current.claims.find((c) => c.id === change.claimId);
      // Tags and verdicts do not move the claim's version: only the other kinds can be compared by it.
      const claimKind =
        change.kind.startsWith("claim.") && change.kind !== "claim.tags" && change.kind !== "claim.verdict";
      // The viewer's own write puts its answer on the page itself (its notes thread reloads itself);
      // its event can arrive before that answer, so it is never fetched or announced as someone
      // else's change. (Another tab of the same account sees it after a reload.)
      if (change.actorId === viewerId) return;
      if (claimKind && known && (change.version ?? 0) <= known.version) return; // already newer here
      if (change.kind.startsWith("note.")) {
        window.dispatchEvent(new CustomEvent(NOTES_CHANGED_EVENT, { detail: { claimId: change.claimId } }));
      }
      const claimId = change.claimId;
      const queued = (inFlight.get(claimId) ?? Promise.resolve())
        .then(() => refresh(claimId, change.actorName))
        .catch(() => undefined);
      inFlight.set(claimId, queued);
    }

    function connect() {
      const next = new EventSource(`/api/events?document=${encodeURIComponent(documentSlug)}&after=${lastId}`);
      source = next;
      next.addEventListener("change", onChange);
      next.addEventListener("presence", (message) => {
        const { people } = JSON.parse(message.data) as { people: PresentPerson[] };
        setPresent(people.filter((p) => p.id !== viewerId));
      });
      next.addEventListener("reload", () => location.reload());
      next.addEventListener("error", () => {
        // While reconnecting, nobody is known to be here.
        setPresent([]);
        // The browser retries a dropped stream by itself; a refusal (429, 503) closes it for good:
        // try again later, from the last event seen.
        if (next.readyState === EventSource.CLOSED) retry = setTimeout(connect, 30_000);
      });
    }

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [slug, after, viewerId]);
  return present;
}
