import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db/client";

// Sign-in limits, kept in the database (rate-limiter-flexible's Prisma store, the same on
// SQLite and PostgreSQL, shared by every app server). Each attempt is counted *before* its
// password is checked — the count is an atomic increment in the database, and an attempt
// over a limit is refused without hashing — so parallel attempts cannot slip past the check.
// A successful sign-in gives its points back.
//
// - pair: consecutive failures of one account from one address. The usual guessing
//   attacker is stopped here, and only this pair is locked: the owner elsewhere is not.
// - address: attempts from one address over all accounts (a spray of made-up emails).
// - account: attempts on one account from addresses it has never signed in from. Beyond it
//   the account is slowed, not locked: one attempt per `slowSeconds` from a new address,
//   while an address the owner has signed in from before is not held back at all.

export interface SignInLimits {
  pairFailures: number;
  pairLockSeconds: number;
  addressAttempts: number;
  addressWindowSeconds: number;
  accountAttempts: number;
  accountWindowSeconds: number;
  slowSeconds: number;
  knownAddressDays: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  pairFailures: 5,
  pairLockSeconds: 15 * 60,
  addressAttempts: 50,
  addressWindowSeconds: 60 * 60,
  accountAttempts: 10,
  accountWindowSeconds: 15 * 60,
  slowSeconds: 30,
  knownAddressDays: 30,
};

export type Admission =
  | { ok: true; succeeded(): Promise<void>; undo(): Promise<void> }
  | { ok: false; retryAfterSeconds: number };

/** The store could not count the attempt: the attempt is refused (fail closed). */
export class LimiterUnavailableError extends Error {
  constructor(cause: unknown) {
    super("Sign-in is unavailable for a moment: the database is busy. Try again.", { cause });
  }
}

const TABLE = "rateLimiterFlexible"; // the Prisma client's accessor for model RateLimiterFlexible

export class SignInLimiter {
  readonly #pair: RateLimiterPrisma;
  readonly #address: RateLimiterPrisma;
  readonly #account: RateLimiterPrisma;
  readonly #slow: RateLimiterPrisma;
  readonly #known: RateLimiterPrisma;
  readonly #limits: SignInLimits;

  constructor(db: Db, limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
    this.#limits = limits;
    const store = (keyPrefix: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterPrisma({ storeClient: db, tableName: TABLE, keyPrefix, points, duration, blockDuration });
    this.#pair = store("signin-pair", limits.pairFailures, limits.pairLockSeconds, limits.pairLockSeconds);
    this.#address = store(
      "signin-address",
      limits.addressAttempts,
      limits.addressWindowSeconds,
      limits.addressWindowSeconds,
    );
    this.#account = store("signin-account", limits.accountAttempts, limits.accountWindowSeconds);
    this.#slow = store("signin-slow", 1, limits.slowSeconds);
    this.#known = store("signin-known", 1, limits.knownAddressDays * 24 * 60 * 60);
  }

  /** Counts one attempt of `email` from `address`, or refuses it; the password may be checked only when admitted. */
  async admit(email: string, address: string): Promise<Admission> {
    const pairKey = `${address} ${email}`;
    const taken: Array<[RateLimiterPrisma, string]> = [];
    const undo = async () => {
      await Promise.all(taken.map(([limiter, key]) => limiter.reward(key, 1).catch(() => undefined)));
    };
    const refuse = async (res: RateLimiterRes): Promise<Admission> => {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    };
    try {
      const address_ = await consume(this.#address, address);
      if (address_ instanceof RateLimiterRes) return refuse(address_);
      taken.push([this.#address, address]);

      const pair = await consume(this.#pair, pairKey);
      if (pair instanceof RateLimiterRes) return refuse(pair);
      taken.push([this.#pair, pairKey]);

      const known = await this.#known.get(pairKey);
      if (!known) {
        const account = await consume(this.#account, email);
        if (account instanceof RateLimiterRes) {
          const slow = await consume(this.#slow, email);
          if (slow instanceof RateLimiterRes) return refuse(slow);
        } else {
          taken.push([this.#account, email]);
        }
      }
    } catch (error) {
      throw new LimiterUnavailableError(error);
    }
    return {
      ok: true,
      undo,
      succeeded: async () => {
        // The pair's failures were consecutive; a success ends the run. Other points go back.
        await this.#pair.delete(pairKey);
        await Promise.all(taken.filter(([l]) => l !== this.#pair).map(([l, key]) => l.reward(key, 1)));
        await this.#known.set(pairKey, 1, this.#limits.knownAddressDays * 24 * 60 * 60);
      },
    };
  }
}

/** A consumed attempt, or the refusal (rate-limiter-flexible rejects with a RateLimiterRes). */
async function consume(limiter: RateLimiterPrisma, key: string): Promise<"admitted" | RateLimiterRes> {
  try {
    await limiter.consume(key, 1);
    return "admitted";
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}
