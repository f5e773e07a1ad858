import { type ChildProcess, spawn } from "node:child_process";

/**
 * Another process (as the CLI's import or a script would be) holding the database's write
 * lock for `ms`: resolves once the lock is taken; `released` resolves when it is let go.
 */
export async function holdWriteLock(
  file: string,
  ms: number,
): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)});
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT OR REPLACE INTO Setting(key, value) VALUES ('lock-test', 'held')").run();
    console.log("locked");
    setTimeout(() => { db.exec("COMMIT"); db.close(); process.exit(0); }, ${ms});
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const released = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return { child, released };
}
