import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit } from "@/lib/db/audit";
import { adjustClaimSpan, createClaim, setClaimDeleted, setClaimStatus, setReviewerTag } from "@/lib/db/claim-writes";
import { addDocumentVersion } from "@/lib/db/document-versions";
import { ConflictError } from "@/lib/db/errors";
import { LIVE_CHANNEL } from "@/lib/db/live-events";
import { addNote, changeNote } from "@/lib/db/notes";
import { createUser, type UserSummary } from "@/lib/db/users";
import { parsePastedText } from "@/lib/documents/parse-document";
import { createInProcessBus } from "@/lib/live/bus";
import { DEFAULT_LIMITS, type LiveConnection, LiveHub } from "@/lib/live/hub";
import { createPostgresBus } from "@/lib/live/postgres-bus";
import { testEngineIsPostgres } from "@/tests/support/postgres/test-server";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let hub: LiveHub;
let reviewer: UserSummary;
let viewer: UserSummary;
let doc: { id: string; text: string };
let otherDocId: string;

const LIMITS = { ...DEFAULT_LIMITS, heartbeatMs: 3600_000 };

beforeEach(async () => {
  t = await createTestDatabase({ from: "seeded" });
  hub = new LiveHub(t.db, createInProcessBus(), LIMITS);
  const make = (email: string, role: UserSummary["role"]) =>
    createUser(t.db, { email, name: email.split("@")[0], role, password: "long enough password" }, null);
  reviewer = await make("rui@example.test", "reviewer");
  viewer = await make("vera@example.test", "viewer");
  doc = await t.db.document.findFirstOrThrow({
    where: { fileName: { startsWith: "002" } },
    select: { id: true, text: true },
  });
  otherDocId = (await t.db.document.findFirstOrThrow({ where: { fileName: { startsWith: "003" } } })).id;
});
afterEach(async () => {
  await hub.close();
  await t.close();
});

/** A stream as the hub sees it, recording the frames it was sent. */
function listen(user: UserSummary, documentId = doc.id, accept = (_frame: string) => true) {
  const frames: string[] = [];
  const connection: LiveConnection & { closed: boolean } = {
    viewer: { id: user.id, name: user.name, role: user.role },
    documentId,
    closed: false,
    send(frame) {
      frames.push(frame);
      return accept(frame);
    },
    close() {
      connection.closed = true;
    },
  };
  const changes = () =>
    frames
      .filter((f) => f.includes("event: change"))
      .map((f) => ({ id: Number(/^id: (\d+)/.exec(f)![1]), ...JSON.parse(/data: (.*)/.exec(f)![1]) }));
  return { connection, frames, changes };
}

const spanOf = (phrase: string) => ({ start: doc.text.indexOf(phrase), end: doc.text.indexOf(phrase) + phrase.length });
const latestSeq = async () => (await t.db.liveEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;

describe("live events", () => {
  it("announces each kind of change once, with the entity and its new version, to every role", async () => {
    const asReviewer = listen(reviewer);
    const asViewer = listen(viewer);
    await hub.join(asReviewer.connection, null);
    await hub.join(asViewer.connection, null);

    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    const adjusted = await adjustClaimSpan(t.db, reviewer.id, { claimId: claim.id, version: 1, ...spanOf("48 hours") });
    const accepted = await setClaimStatus(t.db, reviewer.id, {
      claimId: claim.id,
      version: adjusted.version,
      status: "accepted",
    });
    await setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "statistic", on: true });
    const deleted = await setClaimDeleted(t.db, reviewer.id, {
      claimId: claim.id,
      version: accepted.version,
      deleted: true,
    });
    await setClaimDeleted(t.db, reviewer.id, { claimId: claim.id, version: deleted.version, deleted: false });
    const noteId = await addNote(t.db, reviewer, { claimId: claim.id, parentId: null, body: "first" });
    await changeNote(t.db, reviewer, { noteId, version: 1, body: "edited" });
    await changeNote(t.db, reviewer, { noteId, version: 2, body: null });
    await hub.flush();

    const expected = [
      { kind: "claim.created", entityId: claim.id, version: 1 },
      { kind: "claim.adjusted", entityId: claim.id, version: 2 },
      { kind: "claim.status", entityId: claim.id, version: 3 },
      { kind: "claim.tags", entityId: claim.id, version: 3 },
      { kind: "claim.deleted", entityId: claim.id, version: 4 },
      { kind: "claim.restored", entityId: claim.id, version: 5 },
      { kind: "note.added", entityId: noteId, version: 1 },
      { kind: "note.edited", entityId: noteId, version: 2 },
      { kind: "note.deleted", entityId: noteId, version: 3 },
    ].map((e) => ({ ...e, claimId: claim.id, actorId: reviewer.id }));
    for (const { changes } of [asReviewer, asViewer]) {
      expect(changes()).toMatchObject(expected);
      const ids = changes().map((c) => c.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("announces a new version of the document, with its number, so open pages can offer a reload", async () => {
    const stream = listen(viewer);
    await hub.join(stream.connection, null);
    await addDocumentVersion(t.db, reviewer.id, { id: doc.id }, parsePastedText(`${doc.text}\n\nA new closing line.`));
    await hub.flush();
    expect(stream.changes()).toMatchObject([
      { kind: "document.version", entityId: doc.id, claimId: null, version: 2, actorName: "rui" },
    ]);
  });

  it("during an independent review, a reviewer does not hear of other reviewers' tags (but of their own, and of the rest)", async () => {
    const other = await createUser(
      t.db,
      { email: "oda@example.test", name: "oda", role: "reviewer", password: "long enough password" },
      null,
    );
    const blind = listen(reviewer);
    blind.connection.viewer = { ...blind.connection.viewer, blind: true };
    await hub.join(blind.connection, null);
    const claim = await t.db.claim.findFirstOrThrow({ where: { documentId: doc.id, deletedAt: null } });
    await setReviewerTag(t.db, other.id, { claimId: claim.id, tag: "opinion", on: true });
    await setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "statistic", on: true });
    await setClaimStatus(t.db, other.id, { claimId: claim.id, version: claim.version, status: "disputed" });
    await hub.flush();
    expect(blind.changes().map((c) => [c.kind, c.actorName])).toEqual([
      ["claim.tags", "rui"],
      ["claim.status", "oda"],
    ]);
  });

  it("sends a document's events only to that document's streams", async () => {
    const here = listen(viewer);
    const elsewhere = listen(viewer, otherDocId);
    await hub.join(here.connection, null);
    await hub.join(elsewhere.connection, null);
    await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    await hub.flush();
    expect(here.changes()).toHaveLength(1);
    expect(elsewhere.changes()).toHaveLength(0);
  });

  it("publishes nothing for a write that was refused or rolled back", async () => {
    const stream = listen(viewer);
    await hub.join(stream.connection, null);
    const before = await latestSeq();
    const claim = await t.db.claim.findFirstOrThrow({ where: { documentId: doc.id, deletedAt: null } });
    // A stale version: the claim write throws a conflict inside its transaction.
    await expect(
      setClaimStatus(t.db, reviewer.id, { claimId: claim.id, version: claim.version + 7, status: "accepted" }),
    ).rejects.toBeInstanceOf(ConflictError);
    // An audited change whose transaction fails after its audit event (and live event) were written.
    await expect(
      t.db.$transaction(async (tx) => {
        await appendAudit(tx, {
          actorId: reviewer.id,
          action: "claim.set-status",
          entityType: "Claim",
          entityId: claim.id,
          documentId: doc.id,
          claimId: claim.id,
        });
        throw new Error("rolled back after the audit");
      }),
    ).rejects.toThrow("rolled back");
    hub.bus.announce();
    await hub.flush();
    expect(await latestSeq()).toBe(before);
    expect(stream.changes()).toEqual([]);
  });

  it("replays what a page missed after its Last-Event-ID, then continues live without a gap or a repeat", async () => {
    const seen = await latestSeq();
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    await setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "opinion", on: true });
    await createClaim(t.db, reviewer.id, { documentId: otherDocId, start: 0, end: 5 }).catch(() => undefined);

    const back = listen(viewer);
    await hub.join(back.connection, seen);
    expect(back.changes().map((c) => c.kind)).toEqual(["claim.created", "claim.tags"]);

    await setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "opinion", on: false });
    await hub.flush();
    expect(back.changes().map((c) => c.kind)).toEqual(["claim.created", "claim.tags", "claim.tags"]);
  });

  it("tells the page to reload when the gap is too long to replay, or the id is not this database's", async () => {
    await hub.close();
    hub = new LiveHub(t.db, createInProcessBus(), { ...LIMITS, replayMax: 1 });
    const seen = await latestSeq();
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    await setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "opinion", on: true });

    const far = listen(viewer);
    await hub.join(far.connection, seen);
    expect(far.changes()).toEqual([]);
    expect(far.frames.join("")).toMatch(new RegExp(`id: ${seen + 2}\nevent: reload\ndata: \\{"reason":"too-old"\\}`));

    const stranger = listen(viewer);
    await hub.join(stranger.connection, seen + 1000);
    expect(stranger.frames.join("")).toContain('"reason":"unknown-id"');
  });

  it("drops a stream whose client stopped reading, and stops sending to it", async () => {
    // Its buffer fills with the first change (a real stream: the unread bytes pass the bound).
    const slow = listen(viewer, doc.id, (frame) => !frame.includes("event: change"));
    await hub.join(slow.connection, null);
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    await hub.flush();
    expect(slow.connection.closed).toBe(true);
    await setReviewerTag(t.db, reviewer.id, { claimId: claim.id, tag: "opinion", on: true });
    await hub.flush();
    expect(slow.changes()).toHaveLength(1);
  });

  it("tells each page who else has the document open, by name, on arrival and departure", async () => {
    const presence = (frames: string[]) =>
      frames
        .filter((f) => f.startsWith("event: presence"))
        .map((f) => (JSON.parse(/data: (.*)/.exec(f)![1]).people as { name: string }[]).map((p) => p.name));
    const vera = listen(viewer);
    await hub.join(vera.connection, null);
    const rui = listen(reviewer);
    await hub.join(rui.connection, null);
    const ruiAgain = listen(reviewer); // a second tab: nobody new arrived
    await hub.join(ruiAgain.connection, null);
    expect(presence(vera.frames)).toEqual([["vera"], ["rui", "vera"]]);
    hub.leave(ruiAgain.connection);
    hub.leave(rui.connection);
    expect(presence(vera.frames)).toEqual([["vera"], ["rui", "vera"], ["vera"]]);
    expect(vera.frames.join("")).not.toContain("@example.test");
  });

  it("leaves viewers out of presence when the admin hides them; they still see who is there", async () => {
    await hub.close();
    hub = new LiveHub(t.db, createInProcessBus(), { ...LIMITS, viewersInPresence: false });
    const vera = listen(viewer);
    const rui = listen(reviewer);
    await hub.join(vera.connection, null);
    await hub.join(rui.connection, null);
    const last = (frames: string[]) =>
      JSON.parse(/data: (.*)/.exec(frames.filter((f) => f.startsWith("event: presence")).pop()!)![1]).people;
    expect(last(vera.frames)).toEqual([{ id: reviewer.id, name: "rui" }]);
    expect(last(rui.frames)).toEqual([{ id: reviewer.id, name: "rui" }]);
  });

  it("sends heartbeats, and cuts off an account deactivated while its page is open", async () => {
    await hub.close();
    hub = new LiveHub(t.db, createInProcessBus(), { ...LIMITS, heartbeatMs: 50 });
    const vera = listen(viewer);
    const rui = listen(reviewer);
    await hub.join(vera.connection, null);
    await hub.join(rui.connection, null);
    await expect.poll(() => vera.frames.includes(": heartbeat\n\n")).toBe(true);
    await t.db.user.update({ where: { id: viewer.id }, data: { active: false } });
    await expect.poll(() => vera.connection.closed).toBe(true);
    expect(rui.connection.closed).toBe(false);
    // Written without a nudge (as the command line does from another process): the heartbeat reads it.
    await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
    await expect.poll(() => rui.changes()).toHaveLength(1);
    expect(vera.changes()).toEqual([]);
  });

  it("does not add a stream whose page went while its join waited", async () => {
    const gone = listen(viewer);
    const joining = hub.join(gone.connection, null);
    gone.connection.closed = true;
    gone.connection.send = () => false;
    await joining;
    expect(hub.presentOn(doc.id)).toEqual([]);
  });

  it("bounds the streams per account and in total", async () => {
    await hub.close();
    hub = new LiveHub(t.db, createInProcessBus(), { ...LIMITS, perUser: 2, total: 3 });
    const a = hub.admit(reviewer.id);
    const b = hub.admit(reviewer.id);
    expect(hub.admit(reviewer.id)).toEqual({ ok: false, reason: "per-user" });
    expect(hub.admit(viewer.id).ok).toBe(true);
    expect(hub.admit("someone-else")).toEqual({ ok: false, reason: "total" });
    if (a.ok) a.release();
    if (a.ok) a.release(); // twice is harmless
    expect(hub.admit(reviewer.id).ok).toBe(true);
    expect(b.ok).toBe(true);
  });
});

describe.runIf(testEngineIsPostgres())("live events across app servers (PostgreSQL LISTEN/NOTIFY)", () => {
  it("a write on one server reaches a page on another, after the commit only", async () => {
    const busOfB = createPostgresBus(t.url, LIVE_CHANNEL);
    const { createDb } = await import("@/lib/db/client");
    const dbOfB = createDb(t.url);
    const hubOfB = new LiveHub(dbOfB, busOfB, LIMITS);
    try {
      await busOfB.listening;
      const page = listen(viewer);
      await hubOfB.join(page.connection, null);
      let nudged = 0;
      const heard = new Promise<void>((resolve) =>
        busOfB.subscribe(() => {
          nudged++;
          resolve();
        }),
      );
      // Server A writes (its own bus is never told): only the NOTIFY at commit can reach B.
      const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, ...spanOf("up to 48 hours") });
      await heard;
      await hubOfB.flush();
      expect(page.changes()).toMatchObject([{ kind: "claim.created", entityId: claim.id }]);
      const afterCommit = nudged;
      await t.db
        .$transaction(async (tx) => {
          await appendAudit(tx, {
            actorId: reviewer.id,
            action: "tag.add",
            entityType: "Claim",
            entityId: claim.id,
            documentId: doc.id,
            claimId: claim.id,
          });
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 200));
      expect(nudged).toBe(afterCommit);
    } finally {
      await hubOfB.close();
      await busOfB.close();
      await dbOfB.$disconnect();
    }
  });

  it("a page on one server sees who has the document open on another, and sees them leave", async () => {
    const busOfA = createPostgresBus(t.url, LIVE_CHANNEL);
    const busOfB = createPostgresBus(t.url, LIVE_CHANNEL);
    const hubOfA = new LiveHub(t.db, busOfA, LIMITS);
    const hubOfB = new LiveHub(t.db, busOfB, LIMITS);
    const names = (frames: string[]) => {
      const last = frames.filter((f) => f.startsWith("event: presence")).pop();
      return last ? (JSON.parse(/data: (.*)/.exec(last)![1]).people as { name: string }[]).map((p) => p.name) : [];
    };
    try {
      await Promise.all([busOfA.listening, busOfB.listening]);
      const vera = listen(viewer);
      await hubOfA.join(vera.connection, null);
      const rui = listen(reviewer);
      await hubOfB.join(rui.connection, null);
      await expect.poll(() => names(vera.frames)).toEqual(["rui", "vera"]);
      await expect.poll(() => names(rui.frames)).toEqual(["rui", "vera"]);
      hubOfB.leave(rui.connection);
      await expect.poll(() => names(vera.frames)).toEqual(["vera"]);
    } finally {
      await hubOfA.close();
      await hubOfB.close();
      await busOfA.close();
      await busOfB.close();
    }
  });
});
