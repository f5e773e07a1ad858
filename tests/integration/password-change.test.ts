import type { JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { hashPassword } from "@/lib/auth/password";
import { SessionRevokedError, sessionCallbacks } from "@/lib/auth/session-callbacks";
import { checkSignIn } from "@/lib/auth/sign-in";
import { DEFAULT_SIGN_IN_LIMITS, SignInLimiter } from "@/lib/auth/sign-in-limiter";
import { WriteError } from "@/lib/db/errors";
import { createFirstAdmin, createUser, findUserForSignIn, replacePassword, type UserSummary } from "@/lib/db/users";
import { changeOwnPasswordSchema } from "@/lib/validation/password-change";
import { claims } from "./helpers/run-cli";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let limiter: SignInLimiter;
let admin: UserSummary;
let rita: UserSummary;
const RITA_PASSWORD = "a long enough password";
const ADDRESS = "203.0.113.9";

beforeEach(async () => {
  t = await createTestDatabase();
  limiter = new SignInLimiter(t.db);
  admin = await createFirstAdmin(t.db, { name: "Ada", email: "ada@example.test", password: "correct horse battery" });
  rita = await createUser(
    t.db,
    { name: "Rita", email: "rita@example.test", role: "reviewer", password: RITA_PASSWORD },
    admin.id,
  );
});
afterEach(async () => {
  await t.close();
});

type JwtCallback = (params: { token: JWT; user?: unknown }) => Promise<JWT>;
const jwt = (params: { token: JWT; user?: unknown }) => (sessionCallbacks(t.db).jwt as unknown as JwtCallback)(params);
async function signedInToken(): Promise<JWT> {
  const row = await findUserForSignIn(t.db, rita.email);
  return jwt({ token: {}, user: { id: rita.id, sessionVersion: row?.sessionVersion } });
}
const signIn = (password: string) =>
  checkSignIn(t.db, new SignInLimiter(t.db), { email: rita.email, password }, "198.51.100.1");
const change = (currentPassword: string, newPassword = "a brand new passphrase") =>
  changeOwnPassword(
    t.db,
    limiter,
    rita,
    changeOwnPasswordSchema.parse({ currentPassword, newPassword, confirmPassword: newPassword }),
    ADDRESS,
  );

describe("changing one's own password", () => {
  it("stores the new password, ends every session and audits the change without the hash", async () => {
    const copied = await signedInToken();
    await change(RITA_PASSWORD);
    await expect(jwt({ token: copied })).rejects.toBeInstanceOf(SessionRevokedError);
    expect(await signIn(RITA_PASSWORD)).toBeNull();
    expect(await signIn("a brand new passphrase")).toMatchObject({ id: rita.id });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.change-password" } });
    expect(event.actorId).toBe(rita.id);
    expect(event.after).not.toMatch(/\$2[aby]\$/);
  });

  it("refuses a wrong current password, naming the field, and changes nothing", async () => {
    const token = await signedInToken();
    const refusal = await change("not my password").catch((e) => e);
    expect(refusal).toBeInstanceOf(WriteError);
    expect(refusal).toMatchObject({ field: "currentPassword", message: "That is not your current password." });
    await expect(jwt({ token })).resolves.toMatchObject({ sub: rita.id });
    expect(await signIn(RITA_PASSWORD)).toMatchObject({ id: rita.id });
    expect(await t.db.auditEvent.count({ where: { action: "user.change-password" } })).toBe(0);
  });

  it("counts wrong current passwords against the sign-in limits: a stolen session cannot guess faster", async () => {
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.pairFailures; i++) {
      await expect(change(`guess number ${i}`)).rejects.toThrow("not your current password");
    }
    await expect(change(RITA_PASSWORD)).rejects.toThrow(/Too many wrong passwords\. Try again in \d+ minutes?\./);
  });

  it("the form's rules: the two new passwords agree, differ from the current one, and meet the length", () => {
    const issue = (input: object) => changeOwnPasswordSchema.safeParse(input).error?.issues[0];
    expect(
      issue({ currentPassword: "x", newPassword: "long enough one", confirmPassword: "long enough two" }),
    ).toMatchObject({ path: ["confirmPassword"], message: "The two new passwords differ." });
    expect(
      issue({ currentPassword: "same password", newPassword: "same password", confirmPassword: "same password" }),
    ).toMatchObject({ path: ["newPassword"] });
    expect(issue({ currentPassword: "x", newPassword: "short", confirmPassword: "short" })).toMatchObject({
      path: ["newPassword"],
    });
  });
});

describe("a new password set by an admin or the operator", () => {
  it("an admin's reset ends the user's sessions and is audited as the admin's", async () => {
    const copied = await signedInToken();
    const passwordHash = await hashPassword("handed over password");
    await replacePassword(t.db, admin.id, { userId: rita.id, passwordHash, how: "reset" });
    await expect(jwt({ token: copied })).rejects.toBeInstanceOf(SessionRevokedError);
    expect(await signIn("handed over password")).toMatchObject({ id: rita.id });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.reset-password" } });
    expect(event.actorId).toBe(admin.id);
  });

  it("`claims user password` prints a generated password once, which then signs in", async () => {
    const result = await claims(t.url, "user", "password", "--email", "RITA@example.test");
    expect(result.code).toBe(0);
    const printed = result.stdout.match(/password \(shown once\): (\S+)/)?.[1];
    expect(printed).toBeTruthy();
    expect(await signIn(printed!)).toMatchObject({ id: rita.id });
  });

  it("`claims user password` refuses an unknown email and a short password, with exit code 2", async () => {
    const unknown = await claims(t.url, "user", "password", "--email", "nobody@example.test");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--email: no account has the email nobody@example.test");
    const short = await claims(t.url, "user", "password", "--email", rita.email, "--password", "short");
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("--password");
  });
});
