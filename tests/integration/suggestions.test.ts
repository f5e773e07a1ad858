import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDocumentVersion } from "@/lib/db/document-versions";
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
import { parsePastedText } from "@/lib/documents/parse-document";
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
    const { added: count, pending: total } = await storeSuggestions(t.db, doc.id);
    expect(count).toBeGreaterThan(5);
    expect(total).toBe(count);
    const pending = await listPendingSuggestions(t.db, doc.id);
    expect(pending).toHaveLength(count);
    for (const s of pending) {
      expect(doc.text.slice(s.start, s.end)).toBe(s.exact);
      expect(s.reason).not.toBe("");
    }
    expect(pending.some((s) => s.tag === "statistic")).toBe(true);
    expect((await listAllPendingSuggestions(t.db)).every((s) => s.document === doc.fileName)).toBe(true);
    // Suggesting again adds nothing: every passage is covered by a pending suggestion already.
    expect(await storeSuggestions(t.db, doc.id)).toEqual({ added: 0, pending: count });
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

describe("suggestions on a new version of the document", () => {
  const share = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / (a.end - a.start);

  it("carry the pending ones over or drop them, and suggest only passages nothing covers yet", async () => {
    await storeSuggestions(t.db, doc.id);
    const first = await t.db.suggestion.findMany({ where: { documentId: doc.id }, orderBy: { start: "asc" } });
    // One accepted (now a claim), one rejected; then, in two other paragraphs, one pending
    // suggestion whose paragraph the new version deletes and one whose words it changes.
    const [accepted, rejected] = first;
    await acceptSuggestion(t.db, reviewer.id, { suggestionId: accepted.id });
    await rejectSuggestion(t.db, reviewer.id, { suggestionId: rejected.id });
    const others = first.filter((s) => s.paragraphStart > rejected.paragraphEnd);
    const deleted = others[0];
    const edited = others.find((s) => s.paragraphStart > deleted.paragraphEnd)!;
    let text = doc.text;
    const at = edited.start + edited.exact.indexOf(" ") + 1;
    text = `${text.slice(0, at)}really ${text.slice(at)}`;
    text = text.slice(0, deleted.paragraphStart) + text.slice(deleted.paragraphEnd + 2);
    const added = "The county counted 4,321 new permits in 2025, twice the year before.";
    text = `${added}\n\n${text}`;

    const version = await addDocumentVersion(t.db, reviewer.id, { id: doc.id }, parsePastedText(text));
    const pendingBefore = first.length - 2;
    const inDeletedParagraph = first.filter((s) => s.paragraphStart === deleted.paragraphStart).length;
    expect(version.suggestions.dropped).toBeGreaterThanOrEqual(inDeletedParagraph + 1);
    expect(version.suggestions.carried + version.suggestions.dropped).toBe(pendingBefore);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "document.new-version", entityId: doc.id },
    });
    expect(JSON.parse(audit.after ?? "{}").suggestions).toEqual(version.suggestions);

    const carried = await listPendingSuggestions(t.db, doc.id);
    expect(carried).toHaveLength(version.suggestions.carried);
    const current = await t.db.document.findUniqueOrThrow({ where: { id: doc.id } });
    for (const s of carried) expect(current.text.slice(s.start, s.end)).toBe(s.exact);

    const result = await storeSuggestions(t.db, doc.id);
    expect(result.pending).toBe(carried.length + result.added);
    const fresh = (await listPendingSuggestions(t.db, doc.id)).filter((s) => !carried.some((c) => c.id === s.id));
    expect(fresh).toHaveLength(result.added);
    // The new paragraph and the edited passage are offered; nothing a claim, a carried
    // suggestion or the rejected one covers is offered again.
    expect(fresh.some((s) => s.start === 0 && s.tag === "statistic")).toBe(true);
    expect(fresh.some((s) => s.exact.includes("really"))).toBe(true);
    const claim = await t.db.claim.findFirstOrThrow({ where: { documentId: doc.id, deletedAt: null } });
    const stillRejected = await t.db.suggestion.findUniqueOrThrow({ where: { id: rejected.id } });
    expect(stillRejected.textHash).toBe(current.sha256);
    for (const s of fresh) {
      for (const c of [claim, stillRejected, ...carried]) expect(share(s, c)).toBeLessThan(0.5);
      expect(current.text.slice(s.start, s.end)).toBe(s.exact);
    }
  });
});
