import pg from "pg";
import type { LiveBus, PresenceNotice } from "./bus";

/** NOTIFY payloads must stay under 8,000 bytes: a notice names at most this many accounts. */
const MAX_PRESENCE_IDS = 150;

/**
 * The PostgreSQL transport: one dedicated connection per app server LISTENs on the channel
 * the write transactions NOTIFY at commit (lib/db/live-events.ts), so an edit on one server
 * reaches pages served by another. Not a pooled connection: a transaction-pooling pgbouncer
 * would drop the LISTEN. When the connection drops it is re-opened with a growing pause, and
 * the subscribers are nudged once it is back, to read whatever was committed meanwhile.
 */
export function createPostgresBus(url: string, channel: string): LiveBus & { listening: Promise<void> } {
  const listeners = new Set<() => void>();
  const presenceListeners = new Set<(notice: PresenceNotice) => void>();
  const presenceChannel = `${channel}_presence`;
  const nudgeAll = () => {
    for (const listener of listeners) listener();
  };
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let heard: () => void = () => undefined;
  // For tests and the bench: a NOTIFY sent before the LISTEN is not heard.
  const listening = new Promise<void>((resolve) => {
    heard = resolve;
  });

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, application_name: "claimbook-live" });
    next.on("notification", (message) => {
      if (message.channel === channel) nudgeAll();
      if (message.channel === presenceChannel && message.payload) {
        const notice = parsePresence(message.payload);
        if (notice) for (const listener of presenceListeners) listener(notice);
      }
    });
    next.on("error", () => reconnect(next));
    next.on("end", () => reconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      await next.query(`LISTEN ${presenceChannel}`);
    } catch {
      reconnect(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    heard();
    nudgeAll();
  }

  function reconnect(failed: pg.Client): void {
    if (closed || retry || (client !== null && client !== failed)) return;
    client = null;
    failed.end().catch(() => undefined);
    const pause = Math.min(250 * 2 ** failures++, 10_000);
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, pause);
    retry.unref?.();
  }

  const ready = connect();
  return {
    listening,
    subscribe(onNudge) {
      listeners.add(onNudge);
      return () => listeners.delete(onNudge);
    },
    announce() {
      // The NOTIFY also comes back through the LISTEN connection; nudging now saves that trip.
      for (const listener of listeners) queueMicrotask(listener);
    },
    sharePresence(notice) {
      const payload = JSON.stringify({ ...notice, userIds: notice.userIds.slice(0, MAX_PRESENCE_IDS) });
      client?.query("SELECT pg_notify($1, $2)", [presenceChannel, payload]).catch(() => undefined);
    },
    onPresence(listener) {
      presenceListeners.add(listener);
      return () => presenceListeners.delete(listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await ready;
      await client?.end().catch(() => undefined);
      client = null;
      listeners.clear();
    },
  };
}

/** A presence notice from the channel, or null when it is not one (anyone may NOTIFY). */
function parsePresence(payload: string): PresenceNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<PresenceNotice>;
    if (typeof value.server !== "string" || typeof value.documentId !== "string" || !Array.isArray(value.userIds))
      return null;
    const userIds = value.userIds.filter((id): id is string => typeof id === "string").slice(0, MAX_PRESENCE_IDS);
    return { server: value.server, documentId: value.documentId, userIds };
  } catch {
    return null;
  }
}
