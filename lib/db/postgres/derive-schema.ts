import "server-only";
/**
 * prisma/schema.prisma (SQLite) is the one source of the data model; the PostgreSQL schema
 * is derived from it, never edited by hand (`npm run db:pg-schema` rewrites it, and a test
 * fails when the two drift). Only the datasource and the generated client's folder differ:
 * every type the model uses (String, Int, Boolean, DateTime) maps to PostgreSQL unchanged.
 */

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";
export const POSTGRES_MIGRATIONS_DIR = "prisma/postgres/migrations";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:pg-schema\`: do not edit.
// The PostgreSQL twin of the SQLite schema; its migrations are in ./migrations and are
// applied by lib/db/postgres/migrate.ts (Prisma's schema engine cannot migrate
// PostgreSQL through its WebAssembly build, prisma issue 27403).

`;

/** Fails loudly instead of deriving a schema that would silently differ. */
export class SchemaDerivationError extends Error {}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`));
  if (matches?.length !== 1)
    throw new SchemaDerivationError(
      `prisma/schema.prisma: expected exactly one ${what}, found ${matches?.length ?? 0}`,
    );
  return text.replace(pattern, replacement);
}

export function derivePostgresSchema(sqliteSchema: string): string {
  // SQLite-only native types would need a mapping; none is used today, so refuse them.
  if (/@db\./.test(sqliteSchema))
    throw new SchemaDerivationError(
      "prisma/schema.prisma uses a native type (@db.…): teach lib/db/postgres/derive-schema.ts its PostgreSQL twin",
    );
  let schema = replaceOnce(sqliteSchema, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"', 'provider = "sqlite"');
  schema = replaceOnce(
    schema,
    /url\s*=\s*"file:[^"]*"/,
    'url      = "postgresql://localhost/claimbook"',
    "file: url in the datasource",
  );
  // The schema moves one folder down (prisma/postgres/), and its client gets its own folder.
  schema = replaceOnce(
    schema,
    /output\s*=\s*"\.\.\/lib\/db\/generated"/,
    'output     = "../../lib/db/generated-pg"',
    'generator output "../lib/db/generated"',
  );
  return HEADER + schema;
}
