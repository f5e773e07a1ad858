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

/**
 * Refuses, with a message saying so, when something already listens on `port`: a server
 * started there would fail to bind, and a benchmark would measure whatever answers instead.
 */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `port ${port} on 127.0.0.1 is already in use (another server?): stop it or choose another port`
            : `cannot listen on 127.0.0.1:${port}: ${error.message}`,
        ),
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** The port a benchmark serves on: BENCH_PORT when set (checked free), else one the OS picks. */
export async function benchPort(): Promise<number> {
  const wanted = process.env.BENCH_PORT;
  if (!wanted) return findFreePort();
  const port = Number(wanted);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`BENCH_PORT must be a port number, got "${wanted}"`);
  await assertPortFree(port).catch((error: Error) => {
    throw new Error(`${error.message} (BENCH_PORT=${wanted}; unset it to let the OS pick a free port)`);
  });
  return port;
}

/** Migrates and seeds a fresh SQLite file through the project's own scripts. */
export function prepareDatabase(url: string): void {
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync("npm", ["run", "--silent", "db:migrate"], { env, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "ignore" });
}

/**
 * Builds the app unless a build holding every route `needs` exists (a build from before those
 * routes would 404). The build prerenders pages that read the database: `url` names a migrated one.
 */
export function ensureBuild(needs: string[] = [], url = process.env.DATABASE_URL): void {
  const built =
    fs.existsSync(".next/BUILD_ID") && needs.every((route) => fs.existsSync(`.next/server/app${route}/route.js`));
  if (!built)
    execFileSync("npm", ["run", "--silent", "build"], {
      stdio: "inherit",
      env: { ...process.env, ...(url ? { DATABASE_URL: url } : {}), NEXT_TELEMETRY_DISABLED: "1" },
    });
}

export interface AppServer {
  base: string;
  process: ChildProcess;
  /** SIGKILL to the server and its children: no shutdown hook runs, as in a crash. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `next start` on 127.0.0.1 with its own database, resolved once it answers. Refuses a busy
 * port up front, and says why the server stopped (the end of its stderr) if it does.
 */
export async function startAppServer(url: string, port: number): Promise<AppServer> {
  await assertPortFree(port);
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // If this process dies first (an uncaught error, a closed pipe), the server must not outlive it.
  const orphanGuard = () => {
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", orphanGuard);
  child.once("exit", () => process.off("exit", orphanGuard));
  const base = `http://127.0.0.1:${port}`;
  const server: AppServer = {
    base,
    process: child,
    async kill(signal = "SIGKILL") {
      try {
        if (child.exitCode === null && child.signalCode === null) process.kill(-(child.pid as number), signal);
      } catch {
        // already gone
      }
      await exited;
    },
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null)
      throw new Error(`next start on port ${port} exited with ${child.exitCode}:\n${stderr}`);
    try {
      if ((await fetch(`${base}/api/auth/providers`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.kill();
  throw new Error(`the server did not start within 60 s on port ${port}:\n${stderr}`);
}
