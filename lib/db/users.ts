import "server-only";
import { hashPassword } from "../auth/password";
import type { NewUser, Role } from "../validation/user";
import { appendAudit } from "./audit";
import type { Db } from "./client";
import { NotFoundError, WriteError } from "./errors";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

const summary = { id: true, email: true, name: true, role: true, active: true } as const;

export class FirstAdminExistsError extends WriteError {
  constructor() {
    super("Setup is already done: an account exists. Sign in instead.");
  }
}

export class EmailTakenError extends WriteError {
  constructor(email: string) {
    super(`An account with the email ${email} already exists.`, "email");
  }
}

export function countUsers(db: Db): Promise<number> {
  return db.user.count();
}

export function findUserForSignIn(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: { ...summary, passwordHash: true, sessionVersion: true } });
}

/** The user behind a session, re-read from the database so a role change or deactivation applies at once. */
export async function findActiveUser(db: Db, id: string): Promise<UserSummary | null> {
  const user = await db.user.findUnique({ where: { id }, select: summary });
  return user?.active ? (user as UserSummary) : null;
}

/** The active users among `ids` (one query for every open live stream's account). */
export async function findActiveUsers(db: Db, ids: string[]): Promise<UserSummary[]> {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(ids)] }, active: true }, select: summary });
  return users as UserSummary[];
}

/** The active user whose current session version is `sessionVersion`, or null (a revoked or stale session). */
export async function findSessionUser(db: Db, id: string, sessionVersion: number): Promise<UserSummary | null> {
  const user = await db.user.findFirst({ where: { id, sessionVersion, active: true }, select: summary });
  return user as UserSummary | null;
}

/** Ends every session of the user (sign-out everywhere): their tokens carry the old version. */
export async function revokeSessions(db: Db, id: string): Promise<void> {
  await db.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
}

/** Creates a user and its audit event in one transaction. */
export async function createUser(db: Db, input: NewUser, actorId: string | null): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new EmailTakenError(input.email);
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: summary,
    });
    await appendAudit(tx, { actorId, action: "user.create", entityType: "User", entityId: user.id, after: user });
    return user as UserSummary;
  });
}

/** The Setting row the first-admin setup writes (see createFirstAdmin). */
const FIRST_ADMIN_KEY = "setup.first-admin";

/**
 * Creates the first admin, only while no account exists. The check and the insert share
 * one transaction, so two racing setup requests cannot both succeed.
 */
export async function createFirstAdmin(db: Db, input: Omit<NewUser, "role">): Promise<UserSummary> {
  // Checked before hashing too: once set up, this public action must cost nothing to call.
  if ((await db.user.count()) > 0) throw new FirstAdminExistsError();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      // The marker turns two racing requests into a unique-key conflict on every engine:
      // PostgreSQL (READ COMMITTED) lets both count zero users, SQLite's single writer does not.
      await tx.setting.create({ data: { key: FIRST_ADMIN_KEY, value: new Date().toISOString() } });
      if ((await tx.user.count()) > 0) throw new FirstAdminExistsError();
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: "admin", passwordHash },
        select: summary,
      });
      await appendAudit(tx, {
        actorId: user.id,
        action: "user.create-first-admin",
        entityType: "User",
        entityId: user.id,
        after: user,
      });
      return user as UserSummary;
    });
  } catch (error) {
    // The other request's marker: an admin exists (or is being created) already.
    if ((error as { code?: string }).code === "P2002") throw new FirstAdminExistsError();
    throw error;
  }
}

export interface UserListing extends UserSummary {
  createdAt: Date;
}

export function listUsers(db: Db): Promise<UserListing[]> {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { ...summary, createdAt: true },
  }) as Promise<UserListing[]>;
}

export class LastAdminError extends WriteError {
  constructor() {
    super("At least one active admin must remain: make someone else an admin first.");
  }
}

/**
 * Changes a user's role or active state (their claims, tags and notes stay). Refuses to
 * leave the installation without an active admin.
 */
export async function updateUserAccess(
  db: Db,
  actorId: string,
  input: { userId: string; role?: Role; active?: boolean },
): Promise<UserSummary> {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: summary });
    if (!before) throw new NotFoundError("This account no longer exists.");
    const after = await tx.user.update({
      where: { id: input.userId },
      // A role change or deactivation also ends the user's sessions: they sign in again
      // under the new terms, and a deactivated user's old cookie stays dead on reactivation.
      data: {
        role: input.role,
        active: input.active,
        ...((input.role !== undefined && input.role !== before.role) ||
        (input.active !== undefined && input.active !== before.active)
          ? { sessionVersion: { increment: 1 } }
          : {}),
      },
      select: summary,
    });
    if ((await tx.user.count({ where: { role: "admin", active: true } })) === 0) throw new LastAdminError();
    await appendAudit(tx, {
      actorId,
      action: "user.update-access",
      entityType: "User",
      entityId: after.id,
      before,
      after,
    });
    return after as UserSummary;
  });
}

/** The stored hash of an active account, for checking its current password; null when there is no such account. */
export async function findPasswordHash(db: Db, id: string): Promise<string | null> {
  const user = await db.user.findFirst({ where: { id, active: true }, select: { passwordHash: true } });
  return user?.passwordHash ?? null;
}

/**
 * Stores a new password hash and ends every session of the account (a copied cookie, or a
 * device signed in with the old password, stops working), with its audit event. The audit
 * records that the password changed and by whom, never the hash.
 */
export async function replacePassword(
  db: Db,
  actorId: string | null,
  input: { userId: string; passwordHash: string; how: "changed" | "reset" },
): Promise<UserSummary> {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: summary });
    if (!before) throw new NotFoundError("This account no longer exists.");
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash: input.passwordHash, sessionVersion: { increment: 1 } },
      select: summary,
    });
    await appendAudit(tx, {
      actorId,
      action: input.how === "changed" ? "user.change-password" : "user.reset-password",
      entityType: "User",
      entityId: after.id,
      after: { email: after.email, password: input.how },
    });
    return after as UserSummary;
  });
}
