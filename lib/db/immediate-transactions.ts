// No `import "server-only"`: prisma.config.ts loads this module (through sqlite-adapter.ts) in Prisma's CLI, outside any bundler.
import type { IsolationLevel, SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";

// Prisma's better-sqlite3 adapter opens every transaction with a deferred `BEGIN`. In WAL
// mode a deferred transaction that reads, then writes while another process (the CLI's
// import, a script) holds the write lock, fails at once with SQLITE_BUSY: SQLite cannot wait
// for the lock without risking a deadlock, so the busy timeout does not apply. Taking the
// write lock up front (`BEGIN IMMEDIATE`) is the cure. And since better-sqlite3 is
// synchronous, the wait for that lock must not be SQLite's busy handler, which would freeze
// the whole server: it is retried here with asynchronous pauses, for a bounded time, after
// which the busy error reaches the caller (lib/db/busy.ts turns it into "try again").

/** How long a transaction waits, in all, for another process's write lock. */
export const BEGIN_WAIT_MS = 5000;

type Inner = SqlDriverAdapter & { client: BetterSqlite3.Database; onError(error: unknown): never };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT" || code === "SQLITE_LOCKED";
}

/** One transaction at a time per connection, as the wrapped adapter does; waiting is bounded. */
class Mutex {
  #held = false;
  #waiters: Array<() => void> = [];

  /** Resolves to the release function, or to null when `deadline` passes first. */
  async acquire(deadline: number): Promise<(() => void) | null> {
    if (this.#held) {
      const turn = await new Promise<boolean>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(
          () => {
            this.#waiters = this.#waiters.filter((w) => w !== wake);
            resolve(false);
          },
          Math.max(0, deadline - Date.now()),
        );
        this.#waiters.push(wake);
      });
      if (!turn) return null;
    }
    this.#held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      if (next)
        next(); // handed over: stays held
      else this.#held = false;
    };
  }
}

/** Wraps a connected better-sqlite3 adapter so that its transactions begin IMMEDIATE. */
export function withImmediateTransactions(adapter: SqlDriverAdapter, waitMs = BEGIN_WAIT_MS): SqlDriverAdapter {
  const inner = adapter as Inner;
  const mutex = new Mutex();

  async function beginImmediate(deadline: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        inner.client.prepare("BEGIN IMMEDIATE").run();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) inner.onError(error);
        await sleep(Math.min(10 * 2 ** attempt, 200));
      }
    }
  }

  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: SqlQuery) => inner.queryRaw(query),
    executeRaw: (query: SqlQuery) => inner.executeRaw(query),
    executeScript: (script: string) => inner.executeScript(script),
    dispose: () => inner.dispose(),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return inner.startTransaction(isolationLevel); // refuses it
      const deadline = Date.now() + waitMs;
      const release = await mutex.acquire(deadline);
      if (!release) {
        const busy = Object.assign(new Error("database is busy: another transaction of this connection is open"), {
          code: "SQLITE_BUSY",
        });
        return inner.onError(busy);
      }
      try {
        await beginImmediate(deadline);
      } catch (error) {
        release();
        throw error;
      }
      // Prisma sends COMMIT / ROLLBACK itself (usePhantomQuery: false); these only unlock.
      return {
        provider: inner.provider,
        adapterName: inner.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query: SqlQuery) => inner.queryRaw(query),
        executeRaw: (query: SqlQuery) => inner.executeRaw(query),
        commit: async () => release(),
        rollback: async () => release(),
      };
    },
  };
}
