import type { LiveEvent } from "./event-kinds";

// Server-Sent Events framing (WHATWG HTML, "Server-sent events"): fields are `name: value`
// lines, an event ends with a blank line, a line starting with ":" is a comment that keeps
// the connection (and proxies) awake without waking the page.

/** One change, as the page's EventSource sees it: `id` is what it sends back as Last-Event-ID. */
export function changeFrame(event: LiveEvent): string {
  const data = {
    kind: event.kind,
    entityId: event.entityId,
    claimId: event.claimId,
    version: event.version,
    actorId: event.actorId,
    actorName: event.actorName,
  };
  return `id: ${event.seq}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Tells the page that what it missed cannot be replayed (too old, or a database it does not
 * know): reload its data. The id moves the page's Last-Event-ID to now, so a reconnect after
 * the reload does not ask for the same gap again.
 */
export function reloadFrame(seq: number, reason: string): string {
  return `id: ${seq}\nevent: reload\ndata: ${JSON.stringify({ reason })}\n\n`;
}

/** The first frame: how long a page waits before reconnecting, and the current position. */
export function helloFrame(seq: number, retryMs: number): string {
  return `retry: ${retryMs}\nid: ${seq}\nevent: hello\ndata: {}\n\n`;
}

export const HEARTBEAT_FRAME = ": heartbeat\n\n";

/** A Last-Event-ID as sent by the browser (or the `after` parameter): a non-negative integer, else null. */
export function parseEventId(raw: string | null | undefined): number | null {
  if (raw == null || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Who has the document open (names, never emails); no id, so it does not move Last-Event-ID. */
export function presenceFrame(people: { id: string; name: string }[]): string {
  return `event: presence\ndata: ${JSON.stringify({ people })}\n\n`;
}
