import type { JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  SESSION_MAX_AGE_SECONDS,
  SessionRevokedError,
  sessionCallbacks,
  sessionEvents,
} from "@/lib/auth/session-callbacks";
import { createFirstAdmin, createUser, findUserForSignIn, type UserSummary, updateUserAccess } from "@/lib/db/users";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let admin: UserSummary;
let rita: UserSummary;
beforeEach(async () => {
  t = await createTestDatabase();
  admin = await createFirstAdmin(t.db, { name: "Ada", email: "ada@example.test", password: "correct horse battery" });
  rita = await createUser(
    t.db,
    { name: "Rita", email: "rita@example.test", role: "reviewer", password: "a long enough password" },
    admin.id,
  );
});
afterEach(async () => {
  await t.close();
});

type JwtCallback = (params: { token: JWT; user?: unknown }) => Promise<JWT>;
const jwt = (params: { token: JWT; user?: unknown }) => (sessionCallbacks(t.db).jwt as unknown as JwtCallback)(params);

/** The token next-auth stores in the cookie when Rita signs in now. */
async function signIn(): Promise<JWT> {
  const row = await findUserForSignIn(t.db, rita.email);
  return jwt({ token: {}, user: { id: rita.id, sessionVersion: row?.sessionVersion } });
}
/** What every later request does with the cookie's token. */
const use = (token: JWT) => jwt({ token });

describe("sessions", () => {
  it("a cookie copied before sign-out no longer works after it, on any device", async () => {
    const copied = await signIn();
    const other = await signIn();
    await expect(use(copied)).resolves.toMatchObject({ sub: rita.id });
    await sessionEvents(t.db).signOut?.({ token: copied, session: undefined as never });
    await expect(use(copied)).rejects.toBeInstanceOf(SessionRevokedError);
    await expect(use(other)).rejects.toBeInstanceOf(SessionRevokedError);
    await expect(use(await signIn())).resolves.toMatchObject({ sub: rita.id });
  });

  it("deactivation ends the session, and reactivation does not bring the old cookie back", async () => {
    const token = await signIn();
    await updateUserAccess(t.db, admin.id, { userId: rita.id, active: false });
    await expect(use(token)).rejects.toBeInstanceOf(SessionRevokedError);
    await updateUserAccess(t.db, admin.id, { userId: rita.id, active: true });
    await expect(use(token)).rejects.toBeInstanceOf(SessionRevokedError);
  });

  it("a role change ends the session", async () => {
    const token = await signIn();
    await updateUserAccess(t.db, admin.id, { userId: rita.id, role: "viewer" });
    await expect(use(token)).rejects.toBeInstanceOf(SessionRevokedError);
  });

  it("renewing the cookie never stretches a session past its lifetime from sign-in", async () => {
    const token = await signIn();
    const old = { ...token, signedInAt: Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS - 1 };
    await expect(use(old)).rejects.toBeInstanceOf(SessionRevokedError);
  });

  it("a token without a session version (made before revocation existed, or forged) is refused", async () => {
    await expect(use({ sub: rita.id })).rejects.toBeInstanceOf(SessionRevokedError);
  });
});
