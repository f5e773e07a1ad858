import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { guardedWrite } from "@/lib/auth/guarded-write";
import { SignInLimiter } from "@/lib/auth/sign-in-limiter";
import { BUSY_MESSAGE, READ_ONLY_MESSAGE } from "@/lib/db/unavailable";
import { createFirstAdmin, createUser, type UserSummary } from "@/lib/db/users";
import { changeOwnPasswordSchema } from "@/lib/validation/password-change";
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

const newUser = {
  email: "rita@example.test",
  name: "Rita",
  role: "reviewer" as const,
  password: "a long enough password",
};
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

  it("checks a password change once: a busy database is not a second attempt against the sign-in limits", async () => {
    const rita = await createUser(t.db, newUser, admin.id);
    const limiter = new SignInLimiter(t.db);
    const admit = limiter.admit.bind(limiter);
    let admissions = 0;
    // The database turns busy (failing fast, as a snapshot conflict does) right after the
    // current password was counted and checked.
    limiter.admit = async (...args) => {
      admissions++;
      const admission = await admit(...args);
      if (!admission.ok) return admission;
      return {
        ...admission,
        succeeded: async () => {
          throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
        },
      };
    };
    const next = "a brand new passphrase";
    const result = await guardedWrite(
      changeOwnPasswordSchema,
      { currentPassword: newUser.password, newPassword: next, confirmPassword: next },
      "viewer",
      (user, i) => changeOwnPassword(t.db, limiter, user, i, "203.0.113.9"),
      async () => rita,
    );
    expect(result).toEqual({ ok: false, code: "unavailable", error: BUSY_MESSAGE });
    expect(admissions).toBe(1);
  });
});
