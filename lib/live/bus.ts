/**
 * The event bus: tells this app server's hub (lib/live/hub.ts) that new live events may have
 * been committed. It carries no events itself: the hub reads them from the LiveEvent table,
 * after the last seq it saw, so a lost or doubled nudge costs a query, never an event.
 * Two transports behind this one interface: in-process (SQLite, one app server) and
 * PostgreSQL LISTEN/NOTIFY (several app servers on one database).
 */
/** One server's open pages on one document, as told to the other servers: ids only. */
export interface PresenceNotice {
  server: string;
  documentId: string;
  userIds: string[];
}

export interface LiveBus {
  /** Calls `onNudge` whenever new live events may be there; returns the unsubscribe. */
  subscribe(onNudge: () => void): () => void;
  /** Called after a write committed in this process: nudges the local hub at once. */
  announce(): void;
  /** Tells the other app servers who has a document open here (no one else to tell in-process). */
  sharePresence(notice: PresenceNotice): void;
  /** Hears the other servers' presence notices (and this server's own: compare `server`). */
  onPresence(listener: (notice: PresenceNotice) => void): () => void;
  close(): Promise<void>;
}

/** The in-process transport: announce() reaches the subscribers of this process only. */
export function createInProcessBus(): LiveBus {
  const listeners = new Set<() => void>();
  return {
    subscribe(onNudge) {
      listeners.add(onNudge);
      return () => listeners.delete(onNudge);
    },
    announce() {
      // After the caller's own continuation: a write's acknowledgement is not held up by the fan-out.
      for (const listener of listeners) queueMicrotask(listener);
    },
    sharePresence() {},
    onPresence() {
      return () => undefined;
    },
    async close() {
      listeners.clear();
    },
  };
}
