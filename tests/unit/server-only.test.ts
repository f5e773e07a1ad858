import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every module of lib/db reaches the database or its files: `import "server-only"` makes a
// client component that imports one (directly or through another module) fail the build,
// instead of shipping database code to the browser. The linter keeps the Prisma client in
// lib/db; this test keeps lib/db on the server.
const ROOT = path.resolve(import.meta.dirname, "../..");
const GENERATED = /^lib\/db\/generated(-pg)?\//;
// A module Prisma's own CLI loads (prisma.config.ts) cannot say it, and says why on its first line instead.
const EXEMPT = /^\/\/ No `import "server-only"`: prisma\.config\.ts loads this module/;

function modules(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return GENERATED.test(`${rel}/`) ? [] : modules(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const firstStatement = (source: string) =>
  source
    .split("\n")
    .find((line) => line.trim() !== "" && !/^\s*(\/\/|\/\*|\*)/.test(line))
    ?.trim();

describe("server-only", () => {
  const files = modules("lib/db");

  it("finds the lib/db modules (a control)", () => {
    expect(files).toContain("lib/db/client.ts");
    expect(files.some((f) => GENERATED.test(f))).toBe(false);
  });

  it('every lib/db module starts with import "server-only", or its first line says why it cannot', () => {
    const missing = files.filter((f) => !EXEMPT.test(read(f)) && firstStatement(read(f)) !== 'import "server-only";');
    expect(missing).toEqual([]);
  });

  it("exempts only modules that prisma.config.ts loads, directly or through another lib/db module", () => {
    const imports = (source: string, file: string) => source.includes(`/${path.basename(file, ".ts")}"`);
    const direct = files.filter((f) => imports(read("prisma.config.ts"), f));
    const loaded = new Set([...direct, ...files.filter((f) => direct.some((d) => imports(read(d), f)))]);
    expect(files.filter((f) => EXEMPT.test(read(f)) && !loaded.has(f))).toEqual([]);
  });
});
