import { encode, type JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  SESSION_MAX_AGE_SECONDS,
  SessionRevokedError,
  sessionCallbacks,
  sessionEvents,
} from "@/lib/auth/session-callbacks";
import { sessionCookieName, userFromSessionCookies } from "@/lib/auth/session-user";
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

describe("the signed-in user of a page request (one decrypted cookie, one user read)", () => {
  const secret = "a test secret that is long enough";
  const NAME = "next-auth.session-token";
  const cookieOf = async (token: JWT) => [{ name: NAME, value: await encode({ token, secret }) }];

  it("is the user the cookie stands for, refused once revoked, deactivated or too old", async () => {
    const token = await signIn();
    await expect(userFromSessionCookies(t.db, await cookieOf(token), NAME, secret)).resolves.toMatchObject({
      id: rita.id,
      role: "reviewer",
    });
    const old = { ...token, signedInAt: Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS - 1 };
    expect(await userFromSessionCookies(t.db, await cookieOf(old), NAME, secret)).toBeNull();
    await sessionEvents(t.db).signOut?.({ token, session: undefined as never });
    expect(await userFromSessionCookies(t.db, await cookieOf(token), NAME, secret)).toBeNull();
    const fresh = await signIn();
    await updateUserAccess(t.db, admin.id, { userId: rita.id, active: false });
    expect(await userFromSessionCookies(t.db, await cookieOf(fresh), NAME, secret)).toBeNull();
  });

  it("refuses a token sealed with another secret, a garbled one, or none", async () => {
    const token = await signIn();
    const other = [{ name: NAME, value: await encode({ token, secret: "another secret, also long enough" }) }];
    expect(await userFromSessionCookies(t.db, other, NAME, secret)).toBeNull();
    expect(await userFromSessionCookies(t.db, [{ name: NAME, value: "garbage" }], NAME, secret)).toBeNull();
    expect(await userFromSessionCookies(t.db, [], NAME, secret)).toBeNull();
    // A cookie under the secure name is not read where next-auth would not read it.
    expect(await userFromSessionCookies(t.db, await cookieOf(token), `__Secure-${NAME}`, secret)).toBeNull();
  });

  it("joins a chunked cookie in chunk order, as next-auth's session store does", async () => {
    const value = await encode({ token: await signIn(), secret });
    const chunks = [
      { name: `${NAME}.1`, value: value.slice(100) },
      { name: `${NAME}.0`, value: value.slice(0, 100) },
    ];
    await expect(userFromSessionCookies(t.db, chunks, NAME, secret)).resolves.toMatchObject({ id: rita.id });
  });

  it("uses next-auth's cookie name: secure only behind an https NEXTAUTH_URL or a trusted https proxy", () => {
    expect(sessionCookieName({}, null)).toBe(NAME);
    expect(sessionCookieName({ NEXTAUTH_URL: "https://claims.example" }, null)).toBe(`__Secure-${NAME}`);
    expect(sessionCookieName({ NEXTAUTH_URL: "http://localhost:3000" }, "https")).toBe(NAME);
    expect(sessionCookieName({ AUTH_TRUST_HOST: "1" }, "https")).toBe(`__Secure-${NAME}`);
    expect(sessionCookieName({ AUTH_TRUST_HOST: "1" }, "http")).toBe(NAME);
  });
});
