import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/audit/describe-event";
import { listAuditEvents } from "@/lib/db/audit-reads";
import { setClaimStatus, setReviewerTag } from "@/lib/db/claim-writes";
import type { Db } from "@/lib/db/client";
import { createUser, updateUserAccess } from "@/lib/db/users";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
  db = t.db;
});
afterAll(async () => {
  await t.close();
});

describe("audit entries read as sentences", () => {
  it("carry the claim's passage, its document and the account a user event is about", async () => {
    const admin = await createUser(
      db,
      { email: "ad@example.test", name: "Ada Admin", role: "admin", password: "a long password 1" },
      null,
    );
    const rui = await createUser(
      db,
      { email: "rui@example.test", name: "Rui Reviewer", role: "reviewer", password: "a long password 2" },
      admin.id,
    );
    const claim = await db.claim.findFirstOrThrow({ where: { deletedAt: null }, include: { document: true } });
    await setReviewerTag(db, rui.id, { claimId: claim.id, tag: "legal-fact", on: true });
    await setClaimStatus(db, rui.id, { claimId: claim.id, version: claim.version, status: "accepted" });
    await updateUserAccess(db, admin.id, { userId: rui.id, role: "viewer" });

    const { rows } = await listAuditEvents(db, {});
    const [access, status, tag] = rows;
    expect(tag).toMatchObject({
      action: "tag.add",
      actorName: "Rui Reviewer",
      actorEmail: "rui@example.test",
      claimText: claim.exact,
      documentSlug: claim.document.slug,
      documentTitle: claim.document.title,
      claimDeleted: false,
    });
    const labels = new Map([["legal-fact", "legal fact"]]);
    const parse = (json: string | null) => (json ? JSON.parse(json) : null);
    expect(
      describeAuditEvent({ ...tag, before: parse(tag.before), after: parse(tag.after), tagLabels: labels }),
    ).toMatchObject({
      verb: "tagged",
      detail: "as legal fact",
    });
    expect(describeAuditEvent({ ...status, before: parse(status.before), after: parse(status.after) }).changes).toEqual(
      [{ label: "status", before: "proposed", after: "accepted" }],
    );
    expect(access).toMatchObject({ action: "user.update-access", subjectName: "Rui Reviewer", claimText: null });
    expect(
      describeAuditEvent({
        ...access,
        before: parse(access.before),
        after: parse(access.after),
        subjectName: access.subjectName,
      }),
    ).toMatchObject({
      verb: "changed the access of",
      object: "Rui Reviewer",
      changes: [{ label: "role", before: "reviewer", after: "viewer" }],
    });
  });
});
