import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:pg` (CLAIMBOOK_TEST_ENGINE=postgres) runs the integration project again on
// PostgreSQL (template and test databases on a server global-setup.ts finds or starts), plus
// the PostgreSQL-only tests of tests/integration/postgres/. Pure tests say nothing about the
// engine and run once, on the SQLite pass. The first two below read SQLite files or FTS5 SQL
// directly and have PostgreSQL twins in tests/integration/postgres/; the busy-database test
// holds SQLite's file lock from another process and makes the file read-only, which has no
// PostgreSQL equivalent (there, row locks wait and the server answers for itself).
const onPostgres = process.env.CLAIMBOOK_TEST_ENGINE === "postgres";
const SQLITE_ONLY = [
  "tests/integration/backup-restore.test.ts",
  "tests/integration/search-hostile-input.test.ts",
  "tests/integration/busy-database.test.ts",
];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    // Generous for a loaded 2-core CI machine; no test starts a process per call any more.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      // Pure code: no database, no files beyond the repository's own.
      ...(onPostgres
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: "unit",
                include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/unit/**/*.test.ts"],
              },
            },
          ]),
      // Real databases, copied from template databases built once per run.
      {
        extends: true,
        test: {
          name: onPostgres ? "integration-postgres" : "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...(onPostgres ? SQLITE_ONLY : ["tests/integration/postgres/**"])],
          globalSetup: ["tests/integration/global-setup.ts"],
        },
      },
    ],
  },
});
