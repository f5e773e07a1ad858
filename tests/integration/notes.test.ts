import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError } from "@/lib/db/errors";
import { addNote, changeNote, listNotes } from "@/lib/db/notes";
import { createUser, type UserSummary } from "@/lib/db/users";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let author: UserSummary;
let other: UserSummary;
let admin: UserSummary;
let claimId: string;

beforeEach(async () => {
  t = await createTestDatabase({ from: "seeded" });
  const make = (email: string, role: UserSummary["role"]) =>
    createUser(t.db, { email, name: email.split("@")[0], role, password: "long enough password" }, null);
  [author, other, admin] = [
    await make("a@example.test", "reviewer"),
    await make("b@example.test", "reviewer"),
    await make("c@example.test", "admin"),
  ];
  claimId = (await t.db.claim.findFirstOrThrow()).id;
});
afterEach(async () => {
  await t.close();
});

describe("notes", () => {
  it("threads replies and keeps every earlier body when edited or deleted", async () => {
    const root = await addNote(t.db, author, { claimId, parentId: null, body: "First" });
    await addNote(t.db, other, { claimId, parentId: root, body: "Reply" });
    await changeNote(t.db, author, { noteId: root, version: 1, body: "First, edited" });
    await changeNote(t.db, admin, { noteId: root, version: 2, body: null });
    const notes = await listNotes(t.db, claimId);
    expect(notes.map((n) => [n.body, n.deleted, n.parentId === root])).toEqual([
      ["", true, false],
      ["Reply", false, true],
    ]);
    const revisions = await t.db.noteRevision.findMany({ where: { noteId: root }, orderBy: { editedAt: "asc" } });
    expect(revisions.map((r) => r.body)).toEqual(["First", "First, edited"]);
    expect(await t.db.auditEvent.count({ where: { entityId: root } })).toBe(3);
  });

  it("lets only the author or an admin change a note", async () => {
    const note = await addNote(t.db, author, { claimId, parentId: null, body: "Mine" });
    await expect(changeNote(t.db, other, { noteId: note, version: 1, body: "Theirs" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(changeNote(t.db, other, { noteId: note, version: 1, body: null })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await listNotes(t.db, claimId))[0].body).toBe("Mine");
  });

  it("refuses a stale edit", async () => {
    const note = await addNote(t.db, author, { claimId, parentId: null, body: "v1" });
    await changeNote(t.db, author, { noteId: note, version: 1, body: "v2" });
    await expect(
      changeNote(t.db, author, { noteId: note, version: 1, body: "v2 from another tab" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await listNotes(t.db, claimId))[0].body).toBe("v2");
  });

  it("refuses a reply to a note on another claim", async () => {
    const elsewhere = (await t.db.claim.findFirstOrThrow({ where: { id: { not: claimId } } })).id;
    const note = await addNote(t.db, author, { claimId: elsewhere, parentId: null, body: "x" });
    await expect(addNote(t.db, author, { claimId, parentId: note, body: "y" })).rejects.toThrow(/not on this claim/);
  });
});
