import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ARRIVED_FORWARDED_FOR_HEADER, clientAddress, PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { verifyPassword } from "@/lib/auth/password";
import { HashingBusyError, MAX_QUEUED_HASH_JOBS } from "@/lib/auth/password-worker";
import { checkSignIn, SignInRefusedError } from "@/lib/auth/sign-in";
import { DEFAULT_SIGN_IN_LIMITS, SignInLimiter } from "@/lib/auth/sign-in-limiter";
import { createUser } from "@/lib/db/users";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let limiter: SignInLimiter;
const owner = { email: "owner@example.test", name: "Owner", role: "admin" as const, password: "the right password" };

beforeEach(async () => {
  t = await createTestDatabase();
  limiter = new SignInLimiter(t.db);
  await createUser(t.db, owner, null);
});
afterEach(async () => {
  await t.close();
});

/** The real password check, counted. */
function countingVerify() {
  const counter = {
    calls: 0,
    verify: (password: string, hash: string) => {
      counter.calls++;
      return verifyPassword(password, hash);
    },
  };
  return counter;
}

const attempt = (password: string, address: string, email = owner.email, verify = verifyPassword) =>
  checkSignIn(t.db, limiter, { email, password }, address, verify).then(
    (user) => (user ? "signed-in" : "wrong"),
    (error) => {
      if (error instanceof SignInRefusedError) return "refused";
      throw error;
    },
  );

describe("sign-in limits", () => {
  it("checks at most five passwords of 40 parallel attempts, and a right one after them does not get in", async () => {
    const counter = countingVerify();
    const passwords = Array.from({ length: 40 }, (_, i) => (i === 39 ? owner.password : `wrong guess ${i}`));
    const outcomes = await Promise.all(passwords.map((p) => attempt(p, "203.0.113.7", owner.email, counter.verify)));
    expect(counter.calls).toBe(DEFAULT_SIGN_IN_LIMITS.pairFailures);
    expect(outcomes.filter((o) => o === "wrong")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(35);
    expect(outcomes[39]).toBe("refused");
  });

  it("locks only the guessing address's pair: the owner elsewhere signs in", async () => {
    for (let i = 0; i < 6; i++) await attempt(`wrong guess ${i}`, "203.0.113.7");
    expect(await attempt(owner.password, "203.0.113.7")).toBe("refused");
    expect(await attempt(owner.password, "198.51.100.20")).toBe("signed-in");
  });

  it("caps one address spraying made-up emails, without locking other addresses out", async () => {
    // A lower cap than the default (50) only to keep the test short: each miss costs a real hash.
    limiter = new SignInLimiter(t.db, { ...DEFAULT_SIGN_IN_LIMITS, addressAttempts: 8 });
    const counter = countingVerify();
    for (let i = 0; i < 8; i++) {
      expect(await attempt("whatever password", "203.0.113.7", `nobody${i}@example.test`, counter.verify)).toBe(
        "wrong",
      );
    }
    expect(await attempt(owner.password, "203.0.113.7", owner.email, counter.verify)).toBe("refused");
    expect(counter.calls).toBe(8);
    expect(await attempt(owner.password, "198.51.100.20")).toBe("signed-in");
  });

  it("slows guesses on one account from many addresses, but not the owner's known address", async () => {
    expect(await attempt(owner.password, "198.51.100.20")).toBe("signed-in"); // the owner's usual address
    const fake = async () => false; // a distributed guesser; the hash cost is not what is tested here
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.accountAttempts; i++) {
      expect(await attempt("guess", `192.0.2.${i + 1}`, owner.email, fake)).toBe("wrong");
    }
    // Beyond the account's limit: one attempt per slowSeconds from new addresses, not a lock-out.
    expect(await attempt("guess", "192.0.2.100", owner.email, fake)).toBe("wrong");
    expect(await attempt("guess", "192.0.2.101", owner.email, fake)).toBe("refused");
    expect(await attempt(owner.password, "198.51.100.20")).toBe("signed-in");
  });

  it("a success ends the pair's run of failures", async () => {
    for (let i = 0; i < 4; i++) await attempt(`wrong guess ${i}`, "198.51.100.20");
    expect(await attempt(owner.password, "198.51.100.20")).toBe("signed-in");
    for (let i = 0; i < 4; i++) expect(await attempt(`wrong again ${i}`, "198.51.100.20")).toBe("wrong");
  });
});

describe("client address", () => {
  const peer = "203.0.113.7";
  it("is the socket's peer unless proxies are trusted: a forged X-Forwarded-For changes nothing", () => {
    const headers = {
      [PEER_ADDRESS_HEADER]: peer,
      [ARRIVED_FORWARDED_FOR_HEADER]: "1.2.3.4",
      "x-forwarded-for": "1.2.3.4",
    };
    expect(clientAddress(headers, 0)).toBe(peer);
    expect(clientAddress(new Headers(headers), 0)).toBe(peer);
  });

  it("behind trusted proxies, is the entry the outermost trusted proxy appended", () => {
    const headers = {
      [PEER_ADDRESS_HEADER]: "10.0.0.2",
      [ARRIVED_FORWARDED_FOR_HEADER]: "6.6.6.6, 198.51.100.9, 10.0.0.1",
    };
    expect(clientAddress(headers, 1)).toBe("10.0.0.1");
    expect(clientAddress(headers, 2)).toBe("198.51.100.9");
    expect(clientAddress({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }, 1)).toBe("10.0.0.2");
  });

  it("is never one shared bucket because a header is missing from a served request", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4" }, 0)).toBe("unknown");
  });
});

describe("password hashing", () => {
  it("runs one job at a time off the event loop and refuses beyond a bounded queue", async () => {
    const hash = await (await import("@/lib/auth/password")).hashPassword("the right password");
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const results = await Promise.allSettled(
      Array.from({ length: MAX_QUEUED_HASH_JOBS + 8 }, () => verifyPassword("the right password", hash)),
    );
    clearInterval(timer);
    const busy = results.filter((r) => r.status === "rejected" && r.reason instanceof HashingBusyError);
    expect(busy).toHaveLength(7);
    expect(results.filter((r) => r.status === "fulfilled" && r.value === true)).toHaveLength(MAX_QUEUED_HASH_JOBS + 1);
    // 17 hashes take seconds; the event loop kept running meanwhile.
    expect(ticks).toBeGreaterThan(100);
  });
});
