import "server-only";
import { BEGIN_WAIT_MS } from "./immediate-transactions";

// A write can fail for reasons that are neither the caller's fault nor a bug: another
// process holds the database's write lock for longer than a transaction waits (the CLI's
// import, a restore, a script), or the file is read-only. Those become this error, which
// every write path answers with a clear "try again" (HTTP 503) instead of a bare 500.

export const BUSY_MESSAGE = "The database is busy, try again.";
export const READ_ONLY_MESSAGE = "The database is read-only, so changes cannot be saved now. Try again later.";

export type Unavailability = "busy" | "read-only";

export class DatabaseUnavailableError extends Error {
  constructor(
    readonly reason: Unavailability,
    cause?: unknown,
  ) {
    super(reason === "busy" ? BUSY_MESSAGE : READ_ONLY_MESSAGE, { cause });
  }
}

const BUSY_CODES = new Set(["P1008", "SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED"]);
const READ_ONLY_CODES = new Set(["SQLITE_READONLY", "SQLITE_READONLY_DBMOVED", "SQLITE_READONLY_DIRECTORY"]);

/** Whether `error` (a Prisma, driver-adapter or better-sqlite3 error, or one wrapping it) is a busy or read-only database. */
export function unavailability(error: unknown): Unavailability | null {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length) {
    const current = queue.shift() as Record<string, unknown> | null | undefined;
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof DatabaseUnavailableError) return current.reason;
    const code = typeof current.code === "string" ? current.code : "";
    const message = typeof current.message === "string" ? current.message : "";
    if (
      BUSY_CODES.has(code) ||
      /database is (locked|busy)|unable to start a transaction in the given time/i.test(message)
    )
      return "busy";
    if (READ_ONLY_CODES.has(code) || /readonly database|read-only (database|file system)/i.test(message))
      return "read-only";
    const meta = current.meta as Record<string, unknown> | undefined;
    queue.push(current.cause, meta?.driverAdapterError, meta?.cause);
  }
  return null;
}

/**
 * Runs a step that must not be repeated (it counts an attempt, or checks a password): a busy
 * or read-only database becomes DatabaseUnavailableError, which retryWhenBusy passes on
 * without running the write again.
 */
export async function withoutRetry<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const reason = error instanceof DatabaseUnavailableError ? null : unavailability(error);
    throw reason ? new DatabaseUnavailableError(reason, error) : error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a write (a whole transaction, so a failed attempt left nothing behind), retrying a
 * busy database a bounded number of times; then throws DatabaseUnavailableError. A
 * read-only database is not retried.
 */
export async function retryWhenBusy<T>(write: () => Promise<T>, attempts = 3, budgetMs = BEGIN_WAIT_MS): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      // Already given up on (by a retry inside the write, or a step that must not run twice).
      if (error instanceof DatabaseUnavailableError) throw error;
      const reason = unavailability(error);
      if (!reason) throw error;
      if (reason === "read-only" || attempt >= attempts || Date.now() - started >= budgetMs) {
        throw new DatabaseUnavailableError(reason, error);
      }
      await sleep(50 * attempt);
    }
  }
}
