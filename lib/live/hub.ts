import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { documentsUnderIndependentReview } from "../db/independent-review";
import { liveEventBounds, pruneLiveEvents, readLiveEventsAfter } from "../db/live-events";
import { findActiveUsers } from "../db/users";
import { type LiveViewer, mayReceive } from "./authorize";
import type { LiveBus, PresenceNotice } from "./bus";
import type { LiveEvent } from "./event-kinds";
import { changeFrame, HEARTBEAT_FRAME, presenceFrame, reloadFrame } from "./sse-frames";

/** One open stream: `send` returns false when the client is too slow to take more. */
export interface LiveConnection {
  viewer: LiveViewer;
  documentId: string;
  send(frame: string): boolean;
  close(): void;
}

export interface HubLimits {
  perUser: number;
  total: number;
  /** Missed events replayed after a reconnect; beyond this the page is told to reload. */
  replayMax: number;
  heartbeatMs: number;
  /** Live events older than this are pruned (the audit log keeps the history). */
  keepMs: number;
  /** Whether accounts with the viewer role appear in presence (an admin may hide them). */
  viewersInPresence: boolean;
}

export const DEFAULT_LIMITS: HubLimits = {
  perUser: 6,
  total: 500,
  replayMax: 500,
  heartbeatMs: 20_000,
  keepMs: 24 * 3600_000,
  viewersInPresence: true,
};

export type Admission = { ok: true; release: () => void } | { ok: false; reason: "per-user" | "total" };

/** Reads per query while catching up; a burst larger than this takes several reads, in order. */
const READ_BATCH = 500;
const PRUNE_EVERY_MS = 3600_000;

/**
 * One per app server: reads the live events committed since the last seq it saw (one
 * query per nudge, however many pages are open) and hands each to the streams of its
 * document that may receive it. Reads and joins run one after the other on one queue, so
 * a page that joins with a Last-Event-ID gets the missed events, then the live ones, with
 * no gap and no repeat.
 */
export class LiveHub {
  #cursor = -1; // the last seq read; -1: not read yet
  #byDocument = new Map<string, Set<LiveConnection>>();
  #perUser = new Map<string, number>();
  #total = 0;
  #queue: Promise<void> = Promise.resolve();
  #readPending = false;
  #lastPrune = 0;
  #heartbeat: NodeJS.Timeout;
  #unsubscribe: () => void;
  #unsubscribePresence: () => void;
  /** Who has each document open on the other app servers (PostgreSQL), by server, with when it was told. */
  #remote = new Map<string, Map<string, { userIds: string[]; at: number }>>();
  /** Accounts seen here or named by another server: presence shows names, notices carry ids. */
  #people = new Map<string, { name: string; role: string }>();
  readonly serverId = randomUUID();

  constructor(
    readonly db: Db,
    readonly bus: LiveBus,
    readonly limits: HubLimits = DEFAULT_LIMITS,
  ) {
    this.#unsubscribe = bus.subscribe(() => this.nudge());
    this.#unsubscribePresence = bus.onPresence((notice) => {
      if (notice.server !== this.serverId) void this.#enqueue(() => this.#hearPresence(notice));
    });
    this.#heartbeat = setInterval(() => this.#enqueue(() => this.#beat()), limits.heartbeatMs);
    this.#heartbeat.unref?.();
  }

  /** Reserves a stream for the user, or says which bound refuses it. */
  admit(userId: string): Admission {
    if (this.#total >= this.limits.total) return { ok: false, reason: "total" };
    const mine = this.#perUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) return { ok: false, reason: "per-user" };
    this.#total++;
    this.#perUser.set(userId, mine + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.#total--;
        const left = (this.#perUser.get(userId) ?? 1) - 1;
        if (left > 0) this.#perUser.set(userId, left);
        else this.#perUser.delete(userId);
      },
    };
  }

  /** Adds a stream after replaying what it missed since `after` (null: it missed nothing). */
  join(connection: LiveConnection, after: number | null): Promise<void> {
    return this.#enqueue(async () => {
      await this.#readNew();
      if (after !== null && after < this.#cursor) await this.#replay(connection, after);
      else if (after !== null && after > this.#cursor) connection.send(reloadFrame(this.#cursor, "unknown-id")); // another database, or one restored
      // The page may have gone (or been dropped during the replay) while this join waited its turn.
      if (!connection.send(": joined\n\n")) return;
      const streams = this.#byDocument.get(connection.documentId) ?? new Set<LiveConnection>();
      this.#byDocument.set(connection.documentId, streams);
      const arrived = ![...streams].some((c) => c.viewer.id === connection.viewer.id);
      streams.add(connection);
      if (arrived) this.#sendPresence(connection.documentId);
      else connection.send(presenceFrame(this.presentOn(connection.documentId)));
    });
  }

  leave(connection: LiveConnection): void {
    const streams = this.#byDocument.get(connection.documentId);
    if (!streams?.delete(connection)) return;
    if (streams.size === 0) this.#byDocument.delete(connection.documentId);
    // Another tab of the same account still there: nobody left.
    if (![...streams].some((c) => c.viewer.id === connection.viewer.id)) this.#sendPresence(connection.documentId);
  }

  /** Who has the document open, here and on the other servers: each account once, by name. */
  presentOn(documentId: string): { id: string; name: string }[] {
    const ids = new Set(this.#localIds(documentId));
    const fresh = Date.now() - 3 * this.limits.heartbeatMs;
    for (const { userIds, at } of this.#remote.get(documentId)?.values() ?? [])
      if (at >= fresh) for (const id of userIds) ids.add(id);
    const shown = (id: string) => {
      const person = this.#people.get(id);
      return person !== undefined && (this.limits.viewersInPresence || person.role !== "viewer");
    };
    return [...ids]
      .filter(shown)
      .map((id) => ({ id, name: this.#people.get(id)!.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  #localIds(documentId: string): string[] {
    return [...new Set([...(this.#byDocument.get(documentId) ?? [])].map((c) => c.viewer.id))];
  }

  /** Someone arrived or left here: tell this server's pages, and the other servers. */
  #sendPresence(documentId: string): void {
    for (const c of this.#byDocument.get(documentId) ?? [])
      this.#people.set(c.viewer.id, { name: c.viewer.name, role: c.viewer.role });
    this.#tellPresence(documentId);
    this.bus.sharePresence({ server: this.serverId, documentId, userIds: this.#localIds(documentId) });
  }

  #tellPresence(documentId: string): void {
    const frame = presenceFrame(this.presentOn(documentId));
    for (const c of [...(this.#byDocument.get(documentId) ?? [])]) if (!c.send(frame)) this.#drop(c);
  }

  /** Another server's pages on a document: remembered (they expire unless re-told every heartbeat). */
  async #hearPresence(notice: PresenceNotice): Promise<void> {
    const unknown = notice.userIds.filter((id) => !this.#people.has(id));
    if (unknown.length > 0)
      for (const user of await findActiveUsers(this.db, unknown))
        this.#people.set(user.id, { name: user.name, role: user.role });
    const servers = this.#remote.get(notice.documentId) ?? new Map();
    const before = JSON.stringify(this.presentOn(notice.documentId));
    if (notice.userIds.length > 0) servers.set(notice.server, { userIds: notice.userIds, at: Date.now() });
    else servers.delete(notice.server);
    if (servers.size > 0) this.#remote.set(notice.documentId, servers);
    else this.#remote.delete(notice.documentId);
    if (JSON.stringify(this.presentOn(notice.documentId)) !== before) this.#tellPresence(notice.documentId);
  }

  /** New events may have been committed: read them once, however many nudges arrive meanwhile. */
  nudge(): void {
    if (this.#readPending) return;
    this.#readPending = true;
    void this.#enqueue(async () => {
      this.#readPending = false;
      await this.#readNew();
    });
  }

  /** Reads and delivers whatever is committed now; resolves when done (tests, the bench). */
  flush(): Promise<void> {
    return this.#enqueue(() => this.#readNew());
  }

  /** Streams open now, for the bench and tests. */
  get size(): number {
    return this.#total;
  }

  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    this.#unsubscribe();
    this.#unsubscribePresence();
    for (const streams of this.#byDocument.values()) for (const c of streams) c.close();
    this.#byDocument.clear();
    await this.#queue;
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    // A failed read (database busy or gone) must not stop the queue: the next nudge retries.
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #readNew(): Promise<void> {
    if (this.#cursor < 0 || this.#byDocument.size === 0) {
      // Nobody listens: no need to read the events, only to know where "now" is.
      this.#cursor = (await liveEventBounds(this.db)).latest;
      return;
    }
    for (;;) {
      const events = await readLiveEventsAfter(this.db, this.#cursor, READ_BATCH);
      for (const event of events) {
        this.#cursor = event.seq;
        for (const connection of this.#byDocument.get(event.documentId) ?? []) this.#deliver(connection, event);
      }
      if (events.length < READ_BATCH) return;
    }
  }

  async #replay(connection: LiveConnection, after: number): Promise<void> {
    const { oldest } = await liveEventBounds(this.db);
    const missed =
      oldest !== null && oldest > after + 1
        ? null // pruned: the gap cannot be told in full
        : await readLiveEventsAfter(this.db, after, this.limits.replayMax + 1, connection.documentId);
    const inGap = missed?.filter((e) => e.seq <= this.#cursor);
    if (!inGap || inGap.length > this.limits.replayMax) {
      connection.send(reloadFrame(this.#cursor, "too-old"));
      return;
    }
    for (const event of inGap) this.#deliver(connection, event);
  }

  #deliver(connection: LiveConnection, event: LiveEvent): void {
    if (!mayReceive(connection.viewer, event)) return;
    if (!connection.send(changeFrame(event))) this.#drop(connection);
  }

  /** A client that does not read its stream is dropped: its EventSource reconnects and catches up. */
  #drop(connection: LiveConnection): void {
    this.leave(connection);
    connection.close();
  }

  /** Every heartbeat: a comment down each stream, and the accounts re-read (a deactivated one is cut off). */
  async #beat(): Promise<void> {
    const all = [...this.#byDocument.values()].flatMap((s) => [...s]);
    if (all.length > 0) {
      const active = new Map(
        (
          await findActiveUsers(
            this.db,
            all.map((c) => c.viewer.id),
          )
        ).map((u) => [u.id, u]),
      );
      const reviewing = new Map<string, Set<string>>();
      for (const connection of all) {
        const user = active.get(connection.viewer.id);
        if (!user) {
          this.#drop(connection);
          continue;
        }
        // An assignment marked done (or the setting turned off) lifts the blind, a new one sets it.
        const blindTo = reviewing.get(user.id) ?? (await documentsUnderIndependentReview(this.db, user));
        reviewing.set(user.id, blindTo);
        connection.viewer = {
          id: user.id,
          name: user.name,
          role: user.role,
          blind: blindTo.has(connection.documentId),
        };
        if (!connection.send(HEARTBEAT_FRAME)) this.#drop(connection);
      }
    }
    // Writes no nudge announced (the command line's, on SQLite, in another process) arrive by now at the latest.
    await this.#readNew();
    // Re-told every heartbeat, so a server that starts later learns, and a crashed one's pages expire.
    for (const documentId of this.#byDocument.keys())
      this.bus.sharePresence({ server: this.serverId, documentId, userIds: this.#localIds(documentId) });
    const stale = Date.now() - 3 * this.limits.heartbeatMs;
    for (const [documentId, servers] of this.#remote) {
      const expired = [...servers].filter(([, entry]) => entry.at < stale);
      if (expired.length === 0) continue;
      for (const [server] of expired) servers.delete(server);
      if (servers.size === 0) this.#remote.delete(documentId);
      this.#tellPresence(documentId);
    }
    if (Date.now() - this.#lastPrune > PRUNE_EVERY_MS) {
      this.#lastPrune = Date.now();
      await pruneLiveEvents(this.db, new Date(Date.now() - this.limits.keepMs));
    }
  }
}
