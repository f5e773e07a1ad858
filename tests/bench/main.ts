// `npm run bench -- <name> [options]`: one module per benchmark in this folder.
const BENCHMARKS: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  agreement: () => import("./agreement"),
  annotator: () => import("./annotator"),
  export: () => import("./export"),
  import: () => import("./import"),
  links: () => import("./links"),
  live: () => import("./live"),
  load: () => import("./load"),
  reanchor: () => import("./reanchor"),
  search: () => import("./search"),
  suggest: () => import("./suggest"),
  "sign-in-flood": () => import("./sign-in-flood"),
};

const [benchmark, ...args] = process.argv.slice(2);
// `search --engine postgres` compares the two engines (search-postgres.ts).
const onPostgres = benchmark === "search" && args.includes("--engine");
const load = onPostgres ? () => import("./search-postgres") : benchmark ? BENCHMARKS[benchmark] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [options]`);
  process.exit(2);
}
load()
  .then((m) => m.run(args))
  .then(
    () => process.exit(0),
    (error: unknown) => {
      // The message first and alone, so "port in use" or "server exited" is the line people see.
      console.error(`\nbench ${benchmark} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (error instanceof Error && error.stack) console.error(error.stack.split("\n").slice(1).join("\n"));
      process.exit(1);
    },
  );

export {};
