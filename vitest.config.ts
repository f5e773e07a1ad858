import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:pg` (CLAIMBOOK_TEST_ENGINE=postgres) runs the integration tests again on
// PostgreSQL: each test database is created and dropped on a server the global setup finds or
// starts. Pure tests (lib/**) say nothing about the engine and run once, on the SQLite pass;
// the tests below read SQLite files or SQLite-only SQL directly and have PostgreSQL twins.
const onPostgres = process.env.CLAIMBOOK_TEST_ENGINE === "postgres";
const SQLITE_ONLY = ["tests/unit/backup-restore.test.ts", "tests/unit/search-hostile-input.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: onPostgres
      ? ["tests/unit/**/*.test.ts"]
      : ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/unit/**/*.test.ts"],
    exclude: onPostgres ? ["**/node_modules/**", ...SQLITE_ONLY] : ["**/node_modules/**", "tests/unit/postgres/**"],
    globalSetup: ["tests/unit/helpers/postgres-global-setup.ts"],
    // Generous: several tests spawn the CLI (tsx start-up is seconds on a busy 2-core machine).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
