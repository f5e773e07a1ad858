// No `import "server-only"`: prisma.config.ts loads this module in Prisma's CLI, outside any bundler.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

/** How long a connection waits for another writer's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

// WAL lets readers go on while one writer commits, and a crash mid-write leaves the last
// committed state intact. journal_mode=WAL is stored in the file, so every connection
// (the app, the CLI, migrations) sees it once any has set it. better-sqlite3 is compiled
// with synchronous=NORMAL for WAL, which may drop the last commits on a power cut:
// FULL syncs each commit, so what the app acknowledged survives a power loss too.
const CONNECTION_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * The better-sqlite3 driver adapter for Prisma, with a busy timeout and every connection
 * put in WAL mode with synchronous commits. Connections open lazily, so merely importing
 * the client (e.g. during `next build`) creates no file.
 */
export class DurableSqliteAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly #inner: PrismaBetterSQLite3;

  constructor(url: string) {
    this.#inner = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<Adapter> {
    const adapter = await this.#inner.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return adapter;
  }

  /** Prisma's migrate diff uses a throwaway shadow database (in memory). */
  async connectToShadowDb(): Promise<Adapter> {
    return this.#inner.connectToShadowDb();
  }
}
