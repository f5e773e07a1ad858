import path from "node:path";
import { defineConfig } from "prisma/config";
import { sqliteDatabaseUrl } from "./lib/db/database-url";
import { DurableSqliteAdapter } from "./lib/db/sqlite-adapter";

// The CLI runs migrations through its bundled WebAssembly schema engine and this
// adapter (which also puts the file in WAL mode): native engine binaries cannot be
// downloaded on these machines.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new DurableSqliteAdapter(sqliteDatabaseUrl()),
});
