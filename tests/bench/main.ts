import fs from "node:fs";
import path from "node:path";

/**
 * `npm run bench -- <name> [options]`: runs tests/bench/<name>.ts, whose `run(args)` prints
 * a readable table and, as its last line, one JSON object with the same figures.
 */
const dir = import.meta.dirname;
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "main.ts")
  .map((f) => f.slice(0, -".ts".length))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`${name ? `unknown benchmark "${name}"\n` : ""}Usage: npm run bench -- <${available.join("|")}> [options]`);
  process.exit(2);
}
const bench = (await import(path.join(dir, `${name}.ts`))) as { run(args: string[]): Promise<void> };
await bench.run(args);
