import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createFirstAdmin,
  createUser,
  EmailTakenError,
  FirstAdminExistsError,
  findActiveUser,
  LastAdminError,
  updateUserAccess,
} from "@/lib/db/users";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.close();
});

const admin = { name: "Ada", email: "ada@example.test", password: "correct horse battery" };

describe("accounts", () => {
  it("creates the first admin only while no account exists", async () => {
    const first = await createFirstAdmin(t.db, admin);
    expect(first.role).toBe("admin");
    await expect(createFirstAdmin(t.db, { ...admin, email: "eve@example.test" })).rejects.toBeInstanceOf(
      FirstAdminExistsError,
    );
    expect(await t.db.user.count()).toBe(1);
  });

  it("lets only one of two racing setup requests through", async () => {
    const results = await Promise.allSettled([
      createFirstAdmin(t.db, admin),
      createFirstAdmin(t.db, { ...admin, email: "eve@example.test" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.user.count()).toBe(1);
  });

  it("refuses a second account with the same email", async () => {
    await createUser(t.db, { ...admin, role: "reviewer" }, null);
    await expect(createUser(t.db, { ...admin, role: "viewer" }, null)).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("treats a deactivated user as signed out", async () => {
    const user = await createUser(t.db, { ...admin, role: "reviewer" }, null);
    expect(await findActiveUser(t.db, user.id)).not.toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await findActiveUser(t.db, user.id)).toBeNull();
  });
});

describe("access changes", () => {
  it("changes roles and deactivates, but never leaves no active admin", async () => {
    const first = await createFirstAdmin(t.db, admin);
    const rita = await createUser(
      t.db,
      { email: "rita@example.test", name: "Rita", role: "reviewer", password: "long enough password" },
      first.id,
    );
    expect(await updateUserAccess(t.db, first.id, { userId: rita.id, role: "admin" })).toMatchObject({ role: "admin" });
    await updateUserAccess(t.db, rita.id, { userId: first.id, active: false });
    await expect(updateUserAccess(t.db, rita.id, { userId: rita.id, role: "viewer" })).rejects.toBeInstanceOf(
      LastAdminError,
    );
    await expect(updateUserAccess(t.db, rita.id, { userId: rita.id, active: false })).rejects.toBeInstanceOf(
      LastAdminError,
    );
    expect(await findActiveUser(t.db, rita.id)).toMatchObject({ role: "admin" });
    expect(await t.db.auditEvent.count({ where: { action: "user.update-access" } })).toBe(2);
  });
});
