import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserSummary } from "@/lib/db/users";
import { testDatabaseUrl } from "./helpers/test-database-url";

// The route uses the app's database client and live hub: point them at a fresh database and
// small stream limits before they load. Only who is signed in is set by the test.
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-live-route-")), "live.db");
process.env.DATABASE_URL = testDatabaseUrl(file);
process.env.CLAIMBOOK_LIVE_MAX_STREAMS_PER_USER = "2";
process.env.CLAIMBOOK_LIVE_MAX_STREAMS = "3";

let signedIn: UserSummary | null = null;
vi.mock("@/lib/auth/current-user", async (original) => ({
  ...(await original<object>()),
  getCurrentUser: async () => signedIn,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const eventsRoute = await import("@/app/api/events/route");
const claimActions = await import("@/app/documents/[slug]/actions");
const { NextRequest } = await import("next/server");
const { db } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/db/users");
const { closeLiveServer } = await import("@/lib/live/live-server");
const { cloneTemplate } = await import("./helpers/template-databases");

let reviewer: UserSummary;
let viewer: UserSummary;
let slug: string;

beforeAll(async () => {
  await cloneTemplate("seeded", file);
  const make = (email: string, role: UserSummary["role"]) =>
    createUser(db, { email, name: email.split("@")[0], role, password: "long enough password" }, null);
  reviewer = await make("rui@example.test", "reviewer");
  viewer = await make("vera@example.test", "viewer");
  slug = (await db.document.findFirstOrThrow({ where: { fileName: { startsWith: "002" } } })).slug;
});
afterAll(async () => {
  await closeLiveServer();
  await db.$disconnect();
});

const open = (query: string, headers: Record<string, string> = {}) =>
  eventsRoute.GET(new NextRequest(`http://localhost/api/events?${query}`, { headers }));

/** Reads the stream until `done` says what arrived is enough (or 5 s pass). */
async function readUntil(response: Response, done: (text: string) => boolean): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 5000;
  while (!done(text) && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return text;
}

describe("GET /api/events", () => {
  it("refuses the signed-out, a missing document parameter and an unknown document with clear statuses", async () => {
    signedIn = null;
    expect((await open(`document=${slug}`)).status).toBe(401);
    signedIn = viewer;
    const missing = await open("");
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatch(/document/);
    expect((await open("document=no-such-document")).status).toBe(404);
  });

  it("streams a reviewer's tag, committed through the server action, to a viewer's page", async () => {
    signedIn = viewer;
    const response = await open(`document=${slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("private, no-cache, no-store, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");

    const claim = await db.claim.findFirstOrThrow({ where: { document: { slug }, deletedAt: null } });
    const received = readUntil(response, (text) => text.includes("event: change"));
    // Let the stream join the hub before the write, as a page that is already open.
    await new Promise((r) => setTimeout(r, 100));
    signedIn = reviewer;
    const result = await claimActions.setTagAction({ claimId: claim.id, tag: "statistic", on: true });
    expect(result.ok).toBe(true);
    const text = await received;
    expect(text).toMatch(/^retry: \d+\n\n/);
    expect(text).toContain(`"kind":"claim.tags","entityId":"${claim.id}"`);
    expect(text).toContain(`"actorId":"${reviewer.id}","actorName":"rui"`);
    expect(text).not.toContain("@example.test"); // names, never emails
  });

  it("replays from Last-Event-ID (or `after` on the first connection)", async () => {
    signedIn = viewer;
    const latest = (await db.liveEvent.aggregate({ _max: { seq: true } }))._max.seq!;
    const byHeader = await readUntil(await open(`document=${slug}`, { "Last-Event-ID": String(latest - 1) }), (t) =>
      t.includes(`id: ${latest}\n`),
    );
    expect(byHeader).toContain(`id: ${latest}\nevent: change`);
    const byParam = await readUntil(await open(`document=${slug}&after=${latest - 1}`), (t) =>
      t.includes(`id: ${latest}\n`),
    );
    expect(byParam).toContain(`id: ${latest}\nevent: change`);
  });

  it("keeps other reviewers' tags off the stream of a reviewer assigned under independent review", async () => {
    const other = await createUser(
      db,
      { email: "oda@example.test", name: "oda", role: "reviewer", password: "long enough password" },
      null,
    );
    const doc = await db.document.findUniqueOrThrow({ where: { slug } });
    await db.assignment.create({ data: { documentId: doc.id, reviewerId: reviewer.id, assignedById: other.id } });
    const claim = await db.claim.findFirstOrThrow({ where: { documentId: doc.id, deletedAt: null } });
    signedIn = reviewer;
    const response = await open(`document=${slug}`);
    const received = readUntil(response, (text) => text.includes('"kind":"claim.status"'));
    await new Promise((r) => setTimeout(r, 100));
    signedIn = other;
    expect((await claimActions.setTagAction({ claimId: claim.id, tag: "opinion", on: true })).ok).toBe(true);
    const current = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(
      (await claimActions.setStatusAction({ claimId: claim.id, version: current.version, status: "disputed" })).ok,
    ).toBe(true);
    const text = await received;
    expect(text).toContain('"kind":"claim.status"');
    expect(text).not.toContain('"kind":"claim.tags"');
    await db.assignment.delete({ where: { documentId_reviewerId: { documentId: doc.id, reviewerId: reviewer.id } } });
  });

  it("bounds the streams per account (429) and per server (503), and frees a slot when a page goes", async () => {
    signedIn = viewer;
    const first = await open(`document=${slug}`);
    const second = await open(`document=${slug}`);
    const third = await open(`document=${slug}`);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(third.headers.get("retry-after")).toBe("30");
    signedIn = reviewer;
    const reviewers = await open(`document=${slug}`);
    expect(reviewers.status).toBe(200);
    const overServer = await open(`document=${slug}`);
    expect(overServer.status).toBe(503);
    expect((await overServer.json()).error).toMatch(/live updates resume/);

    await first.body!.cancel();
    signedIn = viewer;
    const again = await open(`document=${slug}`);
    expect(again.status).toBe(200);
    for (const r of [second, reviewers, again]) await r.body!.cancel();
  });
});
