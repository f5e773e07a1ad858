import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserSummary } from "@/lib/db/users";
import { createUser } from "@/lib/db/users";
import { hostileObject, hostileValue } from "../support/hostile-payloads";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

// The session is the one thing faked: next-auth needs a request scope that a plain call lacks.
// Role checks, parsing and writes are the real ones, on a real SQLite file.
const session = vi.hoisted(() => ({ user: null as UserSummary | null }));
// lib/db/client opens the app's client from DATABASE_URL as it loads, before any test code runs.
const DB_FILE = vi.hoisted(() => {
  const { tmpdir } = process.getBuiltinModule("node:os");
  const file = `${tmpdir()}/claimbook-api-fuzz-${process.pid}-${Date.now()}/test.db`;
  process.env.DATABASE_URL = `file:${file}`;
  return file;
});
vi.mock("@/lib/auth/current-user", async (importActual) => ({
  ...(await importActual<typeof import("@/lib/auth/current-user")>()),
  getCurrentUser: async () => session.user,
}));

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let t: TestDatabase;
let routes: { PATCH: Handler; PUT: Handler; DELETE: Handler };
let users: (UserSummary | null)[];
let claimIds: string[];

beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded", file: DB_FILE });
  const add = (role: UserSummary["role"]) =>
    createUser(t.db, { email: `${role}@example.test`, name: role, role, password: "a long enough password" }, null);
  users = [null, await add("viewer"), await add("reviewer"), await add("admin")];
  claimIds = (await t.db.claim.findMany({ take: 3, select: { id: true } })).map((c) => c.id);
  await t.db.claim.update({ where: { id: claimIds[2] }, data: { deletedAt: new Date() } });
  const claim = await import("@/app/api/claims/[id]/route");
  const tags = await import("@/app/api/claims/[id]/tags/route");
  routes = { PATCH: claim.PATCH, PUT: tags.PUT, DELETE: tags.DELETE };
}, 60_000);

afterAll(async () => {
  await t.close();
});

/** Everything a write could touch, as one comparable value. */
async function fingerprint() {
  const [claims, tags, audit] = await Promise.all([
    t.db.claim.findMany({ select: { id: true, version: true, status: true, deletedAt: true }, orderBy: { id: "asc" } }),
    t.db.claimTag.count(),
    t.db.auditEvent.count(),
  ]);
  return { claims: JSON.stringify(claims), tags, audit };
}

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return '{"version": 1n}'; // BigInt and friends have no JSON: send invalid JSON instead
  }
}

const id = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...["c"].map(() => ""))
      .chain(() => fc.integer({ min: 0, max: 2 }).map((i) => claimIds[i])),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(100_000), "../../etc/passwd", "%00", "__proto__") },
);
const plausibleBody = fc.record(
  {
    version: fc.oneof(fc.integer({ min: 1, max: 4 }), hostileValue),
    status: fc.oneof(fc.constantFrom("accepted", "disputed", "rejected", "proposed"), hostileValue),
    tag: fc.oneof(fc.constantFrom("statistic", "opinion", "legal-fact", "no-such-tag"), hostileValue),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { weight: 4, arbitrary: plausibleBody.map(toJson) },
  { weight: 2, arbitrary: hostileObject.map(toJson) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      "null",
      "[]",
      "[1,2]",
      '"text"',
      "42",
      "{",
      '{"version": 1,',
      '{"__proto__": {"polluted": 1}, "version": 1}',
      "x".repeat(70_000),
      `{"tag": "${"s".repeat(70_000)}"}`,
    ),
  },
);

const ALLOWED = new Set([200, 400, 401, 403, 404, 409, 413]);

describe("the claims JSON API under hostile requests", () => {
  it.each(["PATCH", "PUT", "DELETE"] as const)(
    "%s never answers 500, refuses clearly and writes nothing when it refuses",
    async (method) => {
      await fc.assert(
        fc.asyncProperty(id, body, fc.integer({ min: 0, max: 3 }), async (claimId, text, who) => {
          session.user = users[who];
          const before = await fingerprint();
          const request = new Request(`http://127.0.0.1/api/claims/${encodeURIComponent(claimId)}`, {
            method,
            body: text,
            headers: { "content-type": "application/json" },
          });
          const response = await routes[method](request, { params: Promise.resolve({ id: claimId }) });
          const payload = (await response.json()) as { ok: boolean; error?: string; field?: string };
          expect(ALLOWED.has(response.status), `status ${response.status}: ${payload.error}`).toBe(true);
          expect("polluted" in Object.prototype).toBe(false);
          const after = await fingerprint();
          if (response.status !== 200) {
            expect(payload.ok).toBe(false);
            expect(payload.error).toMatch(/\S/);
            if (
              response.status === 400 &&
              !payload.error!.startsWith("There is no tag") &&
              !payload.error!.includes("deleted")
            )
              expect(payload.field).toBeTruthy();
            expect(after).toEqual(before);
            return;
          }
          expect(payload.ok).toBe(true);
          // One change, one audit event (a repeated tag changes nothing and records nothing).
          const changed = after.claims !== before.claims || after.tags !== before.tags;
          expect(after.audit - before.audit).toBe(changed ? 1 : 0);
          if (method === "PATCH") expect(changed).toBe(true);
        }),
        { numRuns: 150 },
      );
    },
  );

  it("maps each refusal to its status, naming the field", async () => {
    const call = async (method: "PATCH" | "PUT", who: number, claimId: string, b: unknown) => {
      session.user = users[who];
      const r = await routes[method](new Request("http://127.0.0.1/x", { method, body: JSON.stringify(b) }), {
        params: Promise.resolve({ id: claimId }),
      });
      return {
        status: r.status,
        ...((await r.json()) as { error: string; field?: string; current?: { version: number } }),
      };
    };
    const [first] = claimIds;
    const version = (await t.db.claim.findUniqueOrThrow({ where: { id: first } })).version;
    expect(await call("PATCH", 0, first, { version, status: "accepted" })).toMatchObject({ status: 401 });
    expect(await call("PATCH", 1, first, { version, status: "accepted" })).toMatchObject({ status: 403 });
    expect(await call("PATCH", 2, first, { version, status: "maybe" })).toMatchObject({
      status: 400,
      field: "status",
      error: expect.stringMatching(/^status: Status must be one of/),
    });
    expect(await call("PATCH", 2, first, { version: "1", status: "accepted" })).toMatchObject({
      status: 400,
      field: "version",
    });
    expect(await call("PATCH", 2, "no-such-claim", { version: 1, status: "accepted" })).toMatchObject({ status: 404 });
    expect(await call("PATCH", 2, first, { version, status: "accepted" })).toMatchObject({ status: 200 });
    expect(await call("PATCH", 3, first, { version, status: "rejected" })).toMatchObject({
      status: 409,
      current: { version: version + 1 },
    });
    expect(await call("PUT", 2, first, { tag: "no-such-tag" })).toMatchObject({ status: 400, field: "tag" });
    expect(await call("PUT", 2, first, {})).toMatchObject({ status: 400, field: "tag" });
    const huge = new Request("http://127.0.0.1/x", {
      method: "PUT",
      body: JSON.stringify({ tag: "s".repeat(70_000) }),
      headers: { "content-length": "70011" },
    });
    expect((await routes.PUT(huge, { params: Promise.resolve({ id: first }) })).status).toBe(413);
    const malformed = await routes.PUT(new Request("http://127.0.0.1/x", { method: "PUT", body: "{" }), {
      params: Promise.resolve({ id: first }),
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ field: "body", error: "body: not valid JSON." });
  });
});
