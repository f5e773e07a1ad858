import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignDocument, listAssignmentProgress, markAssignmentDone, unassignDocument } from "@/lib/db/assignments";
import { ForbiddenError, NotFoundError, WriteError } from "@/lib/db/errors";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let doc: { id: string };
const user = (id: string, role: string) =>
  t.db.user.create({ data: { id, email: `${id}@example.test`, name: id, passwordHash: "x", role } });

beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
  await Promise.all([user("cat", "curator"), user("ann", "reviewer"), user("bob", "reviewer"), user("val", "viewer")]);
  doc = await t.db.document.findFirstOrThrow({ orderBy: { fileName: "asc" } });
});
afterAll(async () => {
  await t.close();
});

describe("assignments", () => {
  it("assigns a document to several reviewers, once each, audited", async () => {
    expect(await assignDocument(t.db, "cat", { documentId: doc.id, reviewerId: "ann" })).toEqual({ created: true });
    expect(await assignDocument(t.db, "cat", { documentId: doc.id, reviewerId: "ann" })).toEqual({ created: false });
    await assignDocument(t.db, "cat", { documentId: doc.id, reviewerId: "bob" });
    expect(await t.db.auditEvent.count({ where: { action: "assignment.create" } })).toBe(2);
    await expect(assignDocument(t.db, "cat", { documentId: doc.id, reviewerId: "val" })).rejects.toBeInstanceOf(
      WriteError,
    );
    await expect(assignDocument(t.db, "cat", { documentId: "nope", reviewerId: "ann" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("reports each reviewer's progress: claims they tagged out of the document's live claims", async () => {
    const claims = await t.db.claim.findMany({ where: { documentId: doc.id }, orderBy: { start: "asc" }, take: 3 });
    const tags = await t.db.tag.findMany();
    // Ann tags two claims (one of them twice): two claims count, not three tags.
    await t.db.claimTag.createMany({
      data: [
        { claimId: claims[0].id, tagId: tags[0].id, reviewerId: "ann" },
        { claimId: claims[0].id, tagId: tags[1].id, reviewerId: "ann" },
        { claimId: claims[1].id, tagId: tags[0].id, reviewerId: "ann" },
      ],
    });
    const total = await t.db.claim.count({ where: { documentId: doc.id, deletedAt: null } });
    const progress = await listAssignmentProgress(t.db, null);
    expect(progress.map((p) => [p.reviewer.name, p.tagged, p.total, p.doneAt])).toEqual([
      ["ann", 2, total, null],
      ["bob", 0, total, null],
    ]);
    expect((await listAssignmentProgress(t.db, "bob")).map((p) => p.reviewer.name)).toEqual(["bob"]);
  });

  it("lets only the assigned reviewer mark the document done, and reopen it", async () => {
    const { doneAt } = await markAssignmentDone(t.db, "ann", { documentId: doc.id, done: true });
    expect(doneAt).toBeInstanceOf(Date);
    expect((await listAssignmentProgress(t.db, "ann"))[0].doneAt).toEqual(doneAt);
    await expect(markAssignmentDone(t.db, "val", { documentId: doc.id, done: true })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await markAssignmentDone(t.db, "ann", { documentId: doc.id, done: false })).toEqual({ doneAt: null });
    expect(
      (
        await t.db.auditEvent.findMany({ where: { action: { startsWith: "assignment." } }, orderBy: { at: "asc" } })
      ).map((e) => e.action),
    ).toEqual(expect.arrayContaining(["assignment.create", "assignment.done", "assignment.reopen"]));
  });

  it("unassigns, keeping the reviewer's tags", async () => {
    await unassignDocument(t.db, "cat", { documentId: doc.id, reviewerId: "ann" });
    expect((await listAssignmentProgress(t.db, null)).map((p) => p.reviewer.name)).toEqual(["bob"]);
    expect(await t.db.claimTag.count({ where: { reviewerId: "ann" } })).toBe(3);
    await expect(unassignDocument(t.db, "cat", { documentId: doc.id, reviewerId: "ann" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
