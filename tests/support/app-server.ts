import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/** A port nobody listens on now (the OS picks it), for a server of our own beside the e2e one. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Migrates and seeds a fresh SQLite file through the project's own scripts. */
export function prepareDatabase(url: string): void {
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync("npm", ["run", "--silent", "db:migrate"], { env, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "ignore" });
}

/** Builds the app unless a build holding every route `needs` exists (a build from before those routes would 404). */
export function ensureBuild(needs: string[] = []): void {
  const built =
    fs.existsSync(".next/BUILD_ID") && needs.every((route) => fs.existsSync(`.next/server/app${route}/route.js`));
  if (!built)
    execFileSync("npm", ["run", "--silent", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
}

export interface AppServer {
  base: string;
  process: ChildProcess;
  /** SIGKILL to the server and its children: no shutdown hook runs, as in a crash. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** `next start` on 127.0.0.1 with its own database, resolved once it answers. */
export async function startAppServer(url: string, port: number): Promise<AppServer> {
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: "ignore",
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const server: AppServer = {
    base,
    process: child,
    async kill(signal = "SIGKILL") {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
      await exited;
    },
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/auth/providers`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.kill();
  throw new Error("the server did not start within 60 s");
}
