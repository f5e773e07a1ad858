import type { Db } from "./client";
import { appendAudit } from "./audit";
import { hashPassword } from "../auth/password";
import type { NewUser, Role } from "../validation/user";

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

const summary = { id: true, email: true, name: true, role: true, active: true } as const;

export class FirstAdminExistsError extends Error {
  constructor() {
    super("Setup is already done: an account exists. Sign in instead.");
  }
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`An account with the email ${email} already exists.`);
  }
}

export function countUsers(db: Db): Promise<number> {
  return db.user.count();
}

export function findUserForSignIn(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: { ...summary, passwordHash: true } });
}

/** The user behind a session, re-read from the database so a role change or deactivation applies at once. */
export async function findActiveUser(db: Db, id: string): Promise<UserSummary | null> {
  const user = await db.user.findUnique({ where: { id }, select: summary });
  return user && user.active ? (user as UserSummary) : null;
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

/**
 * Creates the first admin, only while no account exists. The check and the insert share
 * one transaction, so two racing setup requests cannot both succeed.
 */
export async function createFirstAdmin(db: Db, input: Omit<NewUser, "role">): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new FirstAdminExistsError();
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: "admin", passwordHash },
      select: summary,
    });
    await appendAudit(tx, { actorId: user.id, action: "user.create-first-admin", entityType: "User", entityId: user.id, after: user });
    return user as UserSummary;
  });
}
