import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClaimStatus } from "@/lib/db/claim-writes";
import { createDb, type Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/db/errors";
import { addNote } from "@/lib/db/notes";
import { searchClaims } from "@/lib/db/search";
import { createUser, type UserSummary } from "@/lib/db/users";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Two app servers on one PostgreSQL database are two connection pools: each client here is
// one server. Writes race for real (separate connections, interleaved transactions).
let t: TestDatabase;
let serverA: Db;
let serverB: Db;
let ada: UserSummary;
let bob: UserSummary;

beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
  serverA = createDb(t.url);
  serverB = createDb(t.url);
  const make = (email: string) =>
    createUser(t.db, { email, name: email, role: "reviewer", password: "long enough password" }, null);
  ada = await make("ada@example.test");
  bob = await make("bob@example.test");
});

afterAll(async () => {
  await serverA.$disconnect();
  await serverB.$disconnect();
  await t.close();
});

describe("two app servers on one PostgreSQL database", () => {
  it("let exactly one of two racing edits of the same version win; the other gets the conflict", async () => {
    const claims = await t.db.claim.findMany({ take: 10, orderBy: { id: "asc" }, select: { id: true, version: true } });
    for (const claim of claims) {
      const results = await Promise.allSettled([
        setClaimStatus(serverA, ada.id, { claimId: claim.id, version: claim.version, status: "accepted" }),
        setClaimStatus(serverB, bob.id, { claimId: claim.id, version: claim.version, status: "disputed" }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const stored = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect(stored.version).toBe(claim.version + 1);
      // One audit event per write that happened, none for the refused one.
      expect(await t.db.auditEvent.count({ where: { claimId: claim.id, action: "claim.set-status" } })).toBe(1);
    }
  });

  it("show a write made through one server to searches through the other at once", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ orderBy: { id: "desc" } });
    await addNote(serverA, ada, { claimId: claim.id, parentId: null, body: "Cross-checked with the quayside ledger." });
    const hits = (await searchClaims(serverB, { q: "quayside has:note" })).hits.map((h) => h.claimId);
    expect(hits).toEqual([claim.id]);
  });
});
