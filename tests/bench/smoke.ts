// `npm run bench:smoke`: every benchmark in its --smoke mode (smallest size, one repetition),
// one after another, each in its own process as `npm run bench -- <name> --smoke` runs it.
// A bench passes when it exits 0 and its last line of output is its JSON object; any other
// outcome fails the whole run, so a bench that rots fails the test command.
import { spawn } from "node:child_process";
import path from "node:path";

const BENCHES = [
  "agreement",
  "annotator",
  "export",
  "import",
  "load",
  "search",
  "reanchor",
  "suggest",
  "links",
  "sign-in-flood",
  "live",
];
const main = path.join(import.meta.dirname, "main.ts");

function runSmoke(name: string): Promise<{ name: string; ok: boolean; seconds: number; why?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", main, name, "--smoke"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      stdout = (stdout + chunk.toString("utf8")).slice(-1_000_000);
    });
    child.on("close", (code) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const last = stdout.trimEnd().split("\n").pop() ?? "";
      let json: unknown;
      try {
        json = JSON.parse(last);
      } catch {
        json = undefined;
      }
      if (code !== 0) resolve({ name, ok: false, seconds, why: `exited with ${code}` });
      else if (typeof json !== "object" || json === null)
        resolve({ name, ok: false, seconds, why: "its last line is not its JSON figures" });
      else resolve({ name, ok: true, seconds });
    });
  });
}

const results = [];
for (const name of BENCHES) {
  console.log(`\n=== bench ${name} --smoke ===`);
  results.push(await runSmoke(name));
}
console.log("\nbench smoke runs:");
for (const r of results)
  console.log(`  ${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds} s)${r.why ? `: ${r.why}` : ""}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
