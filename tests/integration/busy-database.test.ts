import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { BUSY_MESSAGE, READ_ONLY_MESSAGE } from "@/lib/db/unavailable";
import { createFirstAdmin, createUser, type UserSummary } from "@/lib/db/users";
import { newUserSchema } from "@/lib/validation/user";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";
import { holdWriteLock } from "./helpers/write-lock";

let t: TestDatabase;
let admin: UserSummary;
beforeEach(async () => {
  t = await createTestDatabase();
  admin = await createFirstAdmin(t.db, { name: "Ada", email: "ada@example.test", password: "correct horse battery" });
});
afterEach(async () => {
  await t.close();
});

const newUser = { email: "rita@example.test", name: "Rita", role: "reviewer", password: "a long enough password" };
// The app's write path: guardedWrite around a transaction that reads, then writes.
const addRita = () =>
  guardedWrite(
    newUserSchema,
    newUser,
    "admin",
    (_u, i) => createUser(t.db, i, admin.id),
    async () => admin,
  );

describe("a busy or read-only database", () => {
  it("waits for another process's 3 s write lock and then writes", async () => {
    const { released } = await holdWriteLock(t.file, 3000);
    const started = Date.now();
    const result = await addRita();
    expect(result).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThan(1500); // it waited for the lock, it did not skip it
    await released;
    expect(await t.db.user.count({ where: { email: newUser.email } })).toBe(1);
  });

  it("answers 'busy, try again' when the lock outlasts the wait, and writes nothing", async () => {
    const { child, released } = await holdWriteLock(t.file, 12_000);
    const result = await addRita();
    expect(result).toEqual({ ok: false, code: "unavailable", error: BUSY_MESSAGE });
    child.kill();
    await released;
    expect(await t.db.user.count({ where: { email: newUser.email } })).toBe(0);
  });

  it("answers 'read-only' for a database that refuses writes", async () => {
    await t.db.$executeRawUnsafe("PRAGMA query_only = ON");
    const result = await addRita();
    expect(result).toEqual({ ok: false, code: "unavailable", error: READ_ONLY_MESSAGE });
  });
});
