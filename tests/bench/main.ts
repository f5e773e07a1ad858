import fs from "node:fs";
import path from "node:path";

/**
 * `npm run bench -- <name> [options]` runs tests/bench/<name>.ts, which exports
 * `run(args: string[])`. A new benchmark is a new file: nothing here changes.
 */
const [name, ...args] = process.argv.slice(2);
const dir = import.meta.dirname;
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "main.ts" && !f.includes(".worker.") && !f.startsWith("_"))
  .map((f) => f.slice(0, -3))
  .sort();

if (!name || !/^[a-z0-9-]+$/.test(name) || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join("|")}> [options]`);
  process.exit(2);
}
const bench = (await import(path.join(dir, `${name}.ts`))) as { run(args: string[]): Promise<void> };
await bench.run(args);
