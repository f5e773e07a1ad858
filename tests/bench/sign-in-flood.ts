import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { hashPassword } from "../../lib/auth/password";
import { createDb } from "../../lib/db/client";
import { ensureBuild, findFreePort, prepareDatabase, startAppServer } from "../support/app-server";
import { signInOverHttp } from "../support/http-session";
import { printTable, quantile, round } from "./stats";

// `npm run bench -- sign-in-flood [--smoke] [--searches N]`: a viewer's search latency with
// and without 8 anonymous clients hammering the sign-in form, in one run on one server.
// The attackers are the worst case: a distributed attacker whose every attempt comes from a
// new address (the server trusts one proxy, and each attempt names a fresh client address),
// so no limit refuses them and every attempt costs a password hash. What bounds the damage
// is the one hashing thread with its bounded queue (lib/auth/password-worker.ts).

const ATTACKERS = 8;
const VIEWER = { email: "vic.viewer@example.test", password: "viewer password 12" };

async function searchTimes(base: string, cookie: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`${base}/api/claims?q=sheriff`, { headers: { cookie } });
    if (!response.ok) throw new Error(`search answered ${response.status}`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}

/** One anonymous client: sign-in attempts back to back, each from a new forwarded address. */
async function attack(base: string, id: number, stop: { now: boolean }, outcomes: Map<string, number>) {
  for (let n = 0; !stop.now; n++) {
    const address = `10.${id}.${(n >> 8) & 255}.${n & 255}`;
    try {
      const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": address } });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const jar = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const response = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, "x-forwarded-for": address },
        body: new URLSearchParams({
          csrfToken,
          email: `nobody${id}-${n}@example.test`,
          password: "guess guess",
          json: "true",
        }),
      });
      const url = decodeURIComponent(((await response.json()) as { url: string }).url);
      const kind = url.includes("CredentialsSignin")
        ? "wrong"
        : url.includes("Too many sign-ins are being")
          ? "busy"
          : "other";
      outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
    } catch {
      outcomes.set("error", (outcomes.get("error") ?? 0) + 1);
    }
  }
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { smoke: { type: "boolean" }, searches: { type: "string" } } });
  const searches = Number(values.searches ?? (values.smoke ? 15 : 60));
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-bench-signin-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  prepareDatabase(url);
  const db = createDb(url);
  await db.user.create({
    data: {
      email: VIEWER.email,
      name: "Vic Viewer",
      role: "viewer",
      passwordHash: await hashPassword(VIEWER.password),
    },
  });
  await db.$disconnect();

  process.env.CLAIMBOOK_TRUSTED_PROXIES = "1";
  const server = await startAppServer(url, await findFreePort());
  try {
    const cookie = await signInOverHttp(server.base, VIEWER.email, VIEWER.password);
    await searchTimes(server.base, cookie, 5); // warm-up
    const quiet = await searchTimes(server.base, cookie, searches);

    const stop = { now: false };
    const outcomes = new Map<string, number>();
    const attackers = Array.from({ length: ATTACKERS }, (_, i) => attack(server.base, i + 1, stop, outcomes));
    await new Promise((r) => setTimeout(r, 2000)); // let the flood build up
    const flooded = await searchTimes(server.base, cookie, searches);
    stop.now = true;
    await Promise.all(attackers);

    const p50 = (s: number[]) => round(quantile(s, 0.5), 1);
    const p95 = (s: number[]) => round(quantile(s, 0.95), 1);
    const result = {
      searches,
      attackers: ATTACKERS,
      quietP50Ms: p50(quiet),
      quietP95Ms: p95(quiet),
      floodedP50Ms: p50(flooded),
      floodedP95Ms: p95(flooded),
      p50Ratio: round(quantile(flooded, 0.5) / quantile(quiet, 0.5), 2),
      attempts: Object.fromEntries(outcomes),
    };
    printTable([
      { case: "viewer search alone", p50_ms: result.quietP50Ms, p95_ms: result.quietP95Ms },
      { case: `with ${ATTACKERS} anonymous sign-in clients`, p50_ms: result.floodedP50Ms, p95_ms: result.floodedP95Ms },
    ]);
    console.log(`p50 ratio ${result.p50Ratio}; sign-in attempts during the flood: ${JSON.stringify(result.attempts)}`);
    console.log(JSON.stringify(result));
  } finally {
    await server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
