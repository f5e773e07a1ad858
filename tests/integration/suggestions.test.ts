import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/db/errors";
import {
  acceptSuggestion,
  acceptSuggestionsInParagraph,
  listAllPendingSuggestions,
  listPendingSuggestions,
  rejectSuggestion,
  storeSuggestions,
} from "@/lib/db/suggestions";
import { createUser, type UserSummary } from "@/lib/db/users";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let reviewer: UserSummary;
let doc: { id: string; text: string; fileName: string };

beforeEach(async () => {
  t = await createTestDatabase({ from: "seeded" });
  reviewer = await createUser(
    t.db,
    { email: "s@example.test", name: "Sam", role: "reviewer", password: "long enough password" },
    null,
  );
  doc = await t.db.document.findFirstOrThrow({
    where: { fileName: { startsWith: "001" } },
    select: { id: true, text: true, fileName: true },
  });
  // As an imported document would be: no claims yet, so every cue is offered.
  await t.db
    .$executeRaw`DELETE FROM "SuggestedTag" WHERE "claimId" IN (SELECT "id" FROM "Claim" WHERE "documentId" = ${doc.id})`;
  await t.db
    .$executeRaw`DELETE FROM "ClaimTag" WHERE "claimId" IN (SELECT "id" FROM "Claim" WHERE "documentId" = ${doc.id})`;
  await t.db.claim.updateMany({ where: { documentId: doc.id }, data: { deletedAt: new Date() } });
});
afterEach(async () => {
  await t.close();
});

describe("suggested claims", () => {
  it("are stored as pending, each on its exact passage with a tag and a reason", async () => {
    const count = await storeSuggestions(t.db, doc.id);
    expect(count).toBeGreaterThan(5);
    const pending = await listPendingSuggestions(t.db, doc.id);
    expect(pending).toHaveLength(count);
    for (const s of pending) {
      expect(doc.text.slice(s.start, s.end)).toBe(s.exact);
      expect(s.reason).not.toBe("");
    }
    expect(pending.some((s) => s.tag === "statistic")).toBe(true);
    expect((await listAllPendingSuggestions(t.db)).every((s) => s.document === doc.fileName)).toBe(true);
    // Suggesting again replaces the pending ones instead of doubling them.
    expect(await storeSuggestions(t.db, doc.id)).toBe(count);
    expect(await listPendingSuggestions(t.db, doc.id)).toHaveLength(count);
  });

  it("become a claim by the reviewer when accepted (audited, suggested tag kept), once only", async () => {
    await storeSuggestions(t.db, doc.id);
    const [first] = (await listPendingSuggestions(t.db, doc.id)).filter((s) => s.tag);
    const claim = await acceptSuggestion(t.db, reviewer.id, { suggestionId: first.id });
    expect(claim).toMatchObject({ start: first.start, end: first.end, exact: first.exact, suggestedTags: [first.tag] });
    const stored = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.createdById).toBe(reviewer.id);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: first.id } });
    expect(audit).toMatchObject({ action: "suggestion.accept", actorId: reviewer.id, claimId: claim.id });
    await expect(acceptSuggestion(t.db, reviewer.id, { suggestionId: first.id })).rejects.toBeInstanceOf(ConflictError);
    expect((await listPendingSuggestions(t.db, doc.id)).some((s) => s.id === first.id)).toBe(false);
  });

  it("can be accepted on an adjusted passage, rejected, or accepted a paragraph at a time", async () => {
    await storeSuggestions(t.db, doc.id);
    const pending = await listPendingSuggestions(t.db, doc.id);
    const [a, b] = pending;
    const adjusted = await acceptSuggestion(t.db, reviewer.id, { suggestionId: a.id, start: a.start, end: a.end - 1 });
    expect(adjusted.exact).toBe(a.exact.slice(0, -1));
    await rejectSuggestion(t.db, reviewer.id, { suggestionId: b.id });
    expect((await t.db.suggestion.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("rejected");

    const rest = await listPendingSuggestions(t.db, doc.id);
    const target = rest[rest.length - 1];
    const { paragraphStart } = await t.db.suggestion.findUniqueOrThrow({ where: { id: target.id } });
    const sameParagraph = await t.db.suggestion.count({
      where: { documentId: doc.id, status: "pending", paragraphStart },
    });
    const claims = await acceptSuggestionsInParagraph(t.db, reviewer.id, { documentId: doc.id, offset: target.start });
    expect(claims).toHaveLength(sameParagraph);
    expect(await t.db.suggestion.count({ where: { documentId: doc.id, status: "pending", paragraphStart } })).toBe(0);
  });
});
