import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserSummary } from "@/lib/db/users";
import { discoverServerEndpoints } from "../support/server-endpoints";
import { testDatabaseUrl } from "./helpers/test-database-url";

// The server actions use the app's database client, so point it at a fresh file first.
// (Statically imported modules above do not touch the client; the app modules are imported below.)
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-authz-")), "authz.db");
process.env.DATABASE_URL = testDatabaseUrl(file);

// Who is signed in is the one thing this test sets; everything else (roles, ownership,
// the database) is real. next/cache needs a running Next server, so it is stubbed.
let signedIn: UserSummary | null = null;
vi.mock("@/lib/auth/current-user", async (original) => ({
  ...(await original<object>()),
  getCurrentUser: async () => signedIn,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// Outside a request there are no headers: the password change reads the client's address from them.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const claimActions = await import("@/app/documents/[slug]/actions");
const userActions = await import("@/app/admin/users/actions");
const accountActions = await import("@/app/account/actions");
const documentActions = await import("@/app/documents/new/actions");
const auditActions = await import("@/app/admin/audit/actions");
const setupActions = await import("@/app/setup/actions");
const linkActions = await import("@/app/discrepancies/actions");
const curateActions = await import("@/app/curate/actions");
const progressActions = await import("@/app/progress/actions");
const myWorkActions = await import("@/app/my-work/actions");
const searchRoute = await import("@/app/api/claims/route");
const claimRoute = await import("@/app/api/claims/[id]/route");
const tagsRoute = await import("@/app/api/claims/[id]/tags/route");
const exportRoute = await import("@/app/api/export/route");
const textRoute = await import("@/app/documents/[slug]/text/route");
const documentClaimsRoute = await import("@/app/api/documents/[slug]/claims/route");
const eventsRoute = await import("@/app/api/events/route");
const { closeLiveServer } = await import("@/lib/live/live-server");
const { NextRequest } = await import("next/server");
const { db } = await import("@/lib/db/client");
const { createUser, replacePassword } = await import("@/lib/db/users");
const { hashPassword } = await import("@/lib/auth/password");
const { addNote } = await import("@/lib/db/notes");
const { cloneTemplate } = await import("./helpers/template-databases");

type Who = "anonymous" | "viewer" | "reviewer (not owner)" | "curator" | "admin";
const users = {} as Record<Exclude<Who, "anonymous">, UserSummary> & { owner: UserSummary };

beforeAll(async () => {
  await cloneTemplate("seeded", file);
  const make = (email: string, role: UserSummary["role"]) =>
    createUser(db, { email, name: email.split("@")[0], role, password: "long enough password" }, null);
  users.viewer = await make("viewer@example.test", "viewer");
  users["reviewer (not owner)"] = await make("other@example.test", "reviewer");
  users.curator = await make("curator@example.test", "curator");
  users.admin = await make("admin@example.test", "admin");
  users.owner = await make("owner@example.test", "reviewer");
});

afterAll(async () => {
  await closeLiveServer();
});

async function someClaim() {
  return db.claim.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { start: "desc" } });
}
async function ownersNote() {
  const claim = await someClaim();
  const id = await addNote(db, users.owner, { claimId: claim.id, parentId: null, body: "owner's note" });
  return db.note.findUniqueOrThrow({ where: { id } });
}

/** A link with two claims of different documents, written straight to the database (no audit event). */
async function someLink() {
  const [a, b] = await Promise.all(
    (await db.document.findMany({ take: 2, orderBy: { fileName: "asc" } })).map((d) =>
      db.claim.findFirstOrThrow({ where: { documentId: d.id, deletedAt: null } }),
    ),
  );
  return db.claimLink.create({
    data: {
      relation: "same-fact",
      origin: "manual",
      members: { create: [{ claimId: a.id }, { claimId: b.id }] },
      flags: { create: [{ kind: "verb", reason: "a flag for the authorization test" }] },
    },
    include: { flags: true, members: true },
  });
}

/** A fresh pending suggested claim of document 001 (on a passage no live claim has). */
async function someSuggestion() {
  const doc = await db.document.findFirstOrThrow({ where: { fileName: { startsWith: "001" } } });
  // A short passage inside the first paragraph, a different one each time (no two claims share a passage).
  const at = (await db.suggestion.count()) * 2;
  return db.suggestion.create({
    data: {
      documentId: doc.id,
      start: at,
      end: at + 3,
      exact: doc.text.slice(at, at + 3),
      prefix: "",
      suffix: "",
      paragraphStart: 0,
      paragraphEnd: doc.text.indexOf("\n"),
      textHash: doc.sha256,
      tag: "statistic",
      reason: "a suggestion for the authorization test",
    },
  });
}

/** Every exported server action, with a valid input and the weakest identity allowed to run it. */
let imports = 0;
const ACTIONS: { name: string; call: () => Promise<{ ok: boolean }>; allowed: Who[] }[] = [
  {
    name: "addDocumentAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const form = new FormData();
      form.set("text", `Imported text number ${++imports} of the authorization test.`);
      return documentActions.addDocumentAction({ ok: false }, form);
    },
  },
  {
    name: "editDocumentDetailsAction",
    allowed: ["admin"],
    call: async () => {
      const doc = await db.document.findFirstOrThrow({ orderBy: { fileName: "asc" } });
      return claimActions.editDocumentDetailsAction({
        documentId: doc.id,
        title: doc.title,
        author: doc.author ?? "",
        publication: doc.publication ?? "",
        date: doc.publishedOn ?? "",
        sourceUrl: doc.sourceUrl ?? "",
      });
    },
  },
  {
    name: "resolveAnchorAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const c = await someClaim();
      // As a new version would leave it: a fuzzy claim waiting for a reviewer.
      await db.claim.update({ where: { id: c.id }, data: { anchorState: "fuzzy" } });
      return claimActions.resolveAnchorAction({ claimId: c.id, version: c.version, resolution: "confirm" });
    },
  },
  {
    name: "createClaimAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const doc = await db.document.findFirstOrThrow({ where: { fileName: { startsWith: "002" } } });
      const n = await db.claim.count();
      const at = doc.text.indexOf("up to 48 hours");
      return claimActions.createClaimAction({ documentId: doc.id, start: at + (n % 3), end: at + 14 });
    },
  },
  {
    name: "adjustSpanAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const c = await someClaim();
      return claimActions.adjustSpanAction({ claimId: c.id, version: c.version, start: c.start, end: c.end });
    },
  },
  {
    name: "setStatusAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const c = await someClaim();
      return claimActions.setStatusAction({ claimId: c.id, version: c.version, status: "disputed" });
    },
  },
  {
    name: "acceptSuggestionAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => claimActions.acceptSuggestionAction({ suggestionId: (await someSuggestion()).id }),
  },
  {
    name: "rejectSuggestionAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => claimActions.rejectSuggestionAction({ suggestionId: (await someSuggestion()).id }),
  },
  {
    name: "acceptParagraphSuggestionsAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const s = await someSuggestion();
      await db.suggestion.updateMany({ where: { id: { not: s.id }, status: "pending" }, data: { status: "rejected" } });
      return claimActions.acceptParagraphSuggestionsAction({ documentId: s.documentId, offset: s.start });
    },
  },
  {
    name: "describeClaimAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const c = await someClaim();
      return claimActions.describeClaimAction({
        claimId: c.id,
        version: c.version,
        statement: "The program has run for three decades.",
        kind: "factual",
      });
    },
  },
  {
    name: "deleteClaimAction + restoreClaimAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const c = await someClaim();
      const deleted = await claimActions.deleteClaimAction({ claimId: c.id, version: c.version });
      if (!deleted.ok) return deleted;
      return claimActions.restoreClaimAction({ claimId: c.id, version: c.version + 1 });
    },
  },
  {
    name: "setTagAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => claimActions.setTagAction({ claimId: (await someClaim()).id, tag: "opinion", on: true }),
  },
  {
    name: "loadNotesAction",
    allowed: ["viewer", "reviewer (not owner)", "curator", "admin"],
    call: async () => claimActions.loadNotesAction({ claimId: (await someClaim()).id }),
  },
  {
    name: "addNoteAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => claimActions.addNoteAction({ claimId: (await someClaim()).id, parentId: null, body: "a note" }),
  },
  {
    name: "editNoteAction (someone else's note)",
    allowed: ["admin"],
    call: async () => {
      const note = await ownersNote();
      return claimActions.editNoteAction({ noteId: note.id, version: note.version, body: "changed" });
    },
  },
  {
    name: "deleteNoteAction (someone else's note)",
    allowed: ["admin"],
    call: async () => {
      const note = await ownersNote();
      return claimActions.deleteNoteAction({ noteId: note.id, version: note.version });
    },
  },
  {
    name: "setLinkStateAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const link = await someLink();
      return linkActions.setLinkStateAction({ linkId: link.id, version: link.version, state: "confirmed" });
    },
  },
  {
    name: "dismissFlagAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const link = await someLink();
      return linkActions.dismissFlagAction({ flagId: link.flags[0].id, reason: "not a discrepancy" });
    },
  },
  {
    name: "createLinkAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const link = await someLink();
      return linkActions.createLinkAction({ claimIds: link.members.map((m) => m.claimId), relation: "same-argument" });
    },
  },
  {
    name: "unlinkClaimAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const link = await someLink();
      return linkActions.unlinkClaimAction({
        linkId: link.id,
        claimId: link.members[0].claimId,
        version: link.version,
      });
    },
  },
  {
    name: "adjudicateAction",
    allowed: ["curator", "admin"],
    call: async () => {
      const c = await someClaim();
      return curateActions.adjudicateAction({
        claimId: c.id,
        version: c.version,
        tags: ["statistic"],
        status: "accepted",
        reason: "Checked against the source.",
      });
    },
  },
  {
    name: "loadClaimLinksAction",
    allowed: ["viewer", "reviewer (not owner)", "curator", "admin"],
    call: async () => linkActions.loadClaimLinksAction({ claimId: (await someClaim()).id }),
  },
  {
    name: "findLinkTargetsAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => linkActions.findLinkTargetsAction({ claimId: (await someClaim()).id, q: "sheriff" }),
  },
  {
    name: "detectLinksAction",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => linkActions.detectLinksAction({}),
  },
  {
    name: "assignAction + unassignAction",
    allowed: ["curator", "admin"],
    call: async () => {
      const doc = await db.document.findFirstOrThrow({ orderBy: { fileName: "desc" } });
      const input = { documentId: doc.id, reviewerId: users.owner.id };
      const assigned = await progressActions.assignAction(input);
      if (!assigned.ok) return assigned;
      return progressActions.unassignAction(input);
    },
  },
  {
    name: "setIndependentReviewAction",
    allowed: ["curator", "admin"],
    call: async () => {
      const doc = await db.document.findFirstOrThrow({ orderBy: { fileName: "desc" } });
      return progressActions.setIndependentReviewAction({ documentId: doc.id, on: !doc.independentReview });
    },
  },
  {
    // Only the assigned reviewer may mark their own document done: everyone else is refused.
    name: "markDoneAction (someone else's assignment)",
    allowed: [],
    call: async () => {
      const doc = await db.document.findFirstOrThrow({ orderBy: { fileName: "asc" } });
      await db.assignment.upsert({
        where: { documentId_reviewerId: { documentId: doc.id, reviewerId: users.owner.id } },
        create: { documentId: doc.id, reviewerId: users.owner.id, assignedById: users.admin.id },
        update: {},
      });
      return myWorkActions.markDoneAction({ documentId: doc.id, done: true });
    },
  },
  {
    name: "createUserAction",
    allowed: ["admin"],
    call: async () =>
      userActions.createUserAction({
        email: `new${Math.random().toString(36).slice(2)}@example.test`,
        name: "New",
        role: "viewer",
      }),
  },
  {
    name: "updateUserAccessAction",
    allowed: ["admin"],
    call: async () => userActions.updateUserAccessAction({ userId: users.viewer.id, role: "viewer" }),
  },
  {
    name: "resetPasswordAction",
    allowed: ["admin"],
    call: async () => userActions.resetPasswordAction({ userId: users.viewer.id }),
  },
  {
    name: "changeOwnPasswordAction",
    allowed: ["viewer", "reviewer (not owner)", "curator", "admin"],
    call: async () => {
      // Whoever is signed in knows their current password (another row may have reset it).
      const known = "the current password";
      if (signedIn) {
        await replacePassword(db, null, { userId: signedIn.id, passwordHash: await hashPassword(known), how: "reset" });
      }
      const next = `a new password ${Math.random()}`;
      return accountActions.changeOwnPasswordAction({
        currentPassword: known,
        newPassword: next,
        confirmPassword: next,
      });
    },
  },
  {
    name: "restoreVersionAction",
    allowed: ["admin"],
    call: async () => {
      const event = await db.auditEvent.findFirstOrThrow({
        where: { action: "claim.set-status" },
        orderBy: { at: "desc" },
      });
      const c = await db.claim.findUniqueOrThrow({ where: { id: event.claimId! } });
      return auditActions.restoreVersionAction({ claimId: c.id, version: c.version, eventId: event.id });
    },
  },
];

/** A route handler's answer as the `{ ok }` the table checks, keeping its message. */
async function viaRoute(response: Response): Promise<{ ok: boolean; error?: string }> {
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  return { ok: false, error: `${response.status} ${body.error ?? ""}` };
}
const json = (method: string, body: unknown) =>
  new Request("http://localhost/api", {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

ACTIONS.push(
  {
    name: "PATCH /api/claims/[id]",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const c = await someClaim();
      return viaRoute(
        await claimRoute.PATCH(json("PATCH", { version: c.version, status: "accepted" }), {
          params: Promise.resolve({ id: c.id }),
        }),
      );
    },
  },
  {
    name: "PUT /api/claims/[id]/tags",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const c = await someClaim();
      return viaRoute(
        await tagsRoute.PUT(json("PUT", { tag: "statistic" }), { params: Promise.resolve({ id: c.id }) }),
      );
    },
  },
  {
    name: "DELETE /api/claims/[id]/tags",
    allowed: ["reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const c = await someClaim();
      return viaRoute(
        await tagsRoute.DELETE(json("DELETE", { tag: "statistic" }), { params: Promise.resolve({ id: c.id }) }),
      );
    },
  },
  {
    name: "GET /api/export (private data)",
    allowed: ["viewer", "reviewer (not owner)", "curator", "admin"],
    call: async () => {
      const response = await exportRoute.GET(new Request("http://localhost/api/export?format=json"));
      await response.body?.cancel();
      return viaRoute(response);
    },
  },
);
ACTIONS.push({
  name: "GET /api/claims/[id] (private data)",
  allowed: ["viewer", "reviewer (not owner)", "curator", "admin"],
  call: async () => {
    const c = await someClaim();
    return viaRoute(await claimRoute.GET(new Request("http://localhost/"), { params: Promise.resolve({ id: c.id }) }));
  },
});
ACTIONS.push({
  name: "GET /api/events (private data)",
  allowed: ["viewer", "reviewer (not owner)", "curator", "admin"],
  call: async () => {
    const doc = await db.document.findFirstOrThrow();
    const response = await eventsRoute.GET(new NextRequest(`http://localhost/api/events?document=${doc.slug}`));
    await response.body?.cancel();
    return viaRoute(response);
  },
});
ACTIONS.push({
  name: "GET /documents/[slug]/text (private data)",
  allowed: ["viewer", "reviewer (not owner)", "curator", "admin"],
  call: async () => {
    const doc = await db.document.findFirstOrThrow();
    return viaRoute(
      await textRoute.GET(new Request("http://localhost/"), { params: Promise.resolve({ slug: doc.slug }) }),
    );
  },
});
ACTIONS.push({
  name: "GET /api/documents/[slug]/claims (private data)",
  allowed: ["viewer", "reviewer (not owner)", "curator", "admin"],
  call: async () => {
    const doc = await db.document.findFirstOrThrow();
    return viaRoute(
      await documentClaimsRoute.GET(new Request("http://localhost/"), { params: Promise.resolve({ slug: doc.slug }) }),
    );
  },
});

ACTIONS.push(
  {
    // Public by necessity (the one-time setup page), so once any account exists nobody may run it.
    name: "createFirstAdminAction (an account exists)",
    allowed: [],
    call: async () => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ name: "Eve", email: "eve@example.test", password: "long enough password" }))
        form.set(k, v);
      form.set("confirm", "long enough password");
      const state = await setupActions.createFirstAdminAction({ ok: false }, form);
      return { ok: state.ok, error: state.message ?? JSON.stringify(state.fieldErrors) };
    },
  },
  {
    name: "GET /api/claims (private data)",
    allowed: ["viewer", "reviewer (not owner)", "curator", "admin"],
    call: async () => viaRoute(await searchRoute.GET(new NextRequest("http://localhost/api/claims?q=police"))),
  },
);

/** Endpoints anyone may call by design, with the reason; everything else must be in ACTIONS. */
const PUBLIC_BY_DESIGN: Record<string, string> = {
  "GET /api/auth/[...nextauth]": "next-auth's own sign-in, session and CSRF endpoints",
  "POST /api/auth/[...nextauth]": "next-auth's own sign-in, session and CSRF endpoints",
};

/** The endpoints a table row exercises: "a + b (note)" covers a and b. */
const endpointsOf = (name: string) => name.replace(/\s*\(.*\)$/, "").split(" + ");

describe("the table below lists every server action and route handler of the app", () => {
  const found = discoverServerEndpoints(process.cwd());
  const tested = new Set([...ACTIONS.flatMap((a) => endpointsOf(a.name)), ...Object.keys(PUBLIC_BY_DESIGN)]);

  it("finds the endpoints from the files (a control: discovery works)", () => {
    expect(found.actions).toContain("createClaimAction");
    expect(found.routes).toContain("PATCH /api/claims/[id]");
  });

  it("has a row for each exported server action and each route handler method", () => {
    const missing = [...found.actions, ...found.routes].filter((endpoint) => !tested.has(endpoint));
    expect(missing, "add these to ACTIONS (or PUBLIC_BY_DESIGN, with the reason)").toEqual([]);
  });

  it("has no row for an endpoint that no longer exists", () => {
    const all = new Set([...found.actions, ...found.routes]);
    expect([...tested].filter((endpoint) => !all.has(endpoint))).toEqual([]);
  });

  it("finds no inline 'use server' directive (an action the discovery cannot name)", () => {
    expect(found.inlineActions).toEqual([]);
  });
});

const WHO: Who[] = ["anonymous", "viewer", "reviewer (not owner)", "curator", "admin"];

describe("every server action checks who is asking, on the server", () => {
  // Run the admin row of status first so the restore row has an event to restore.
  it.each(
    ACTIONS.flatMap((a) =>
      WHO.slice()
        .reverse()
        .map((who) => [a.name, who, a] as const),
    ),
  )("%s as %s", async (_name, who, action) => {
    signedIn = who === "anonymous" ? null : users[who];
    const auditBefore = await db.auditEvent.count();
    const result = await action.call();
    const allowed = action.allowed.includes(who);
    expect(result.ok).toBe(allowed);
    if (!allowed) {
      // Form actions (useActionState) call it `message`; the rest `error`.
      const refusal = result as unknown as { error?: string; message?: string };
      expect(refusal.error ?? refusal.message).toMatch(
        /sign in|can read but not change|Only an admin|Only a curator|author or an admin|already done|not assigned to you|^40[13] /i,
      );
      // A refused write leaves no trace but the note the test itself prepared.
      const written = (await db.auditEvent.count()) - auditBefore;
      expect(written).toBeLessThanOrEqual(action.name.includes("someone else's note") ? 1 : 0);
    }
  });
});
