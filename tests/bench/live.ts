import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { hashPassword } from "../../lib/auth/password";
import { createDb } from "../../lib/db/client";
import { type AppServer, benchPort, ensureBuild, prepareDatabase, startAppServer } from "../support/app-server";
import { signInOverHttp } from "../support/http-session";
import { adminQuery, ensureTestServer, withDatabase } from "../support/postgres/test-server";
import { printTable, quantile, round } from "./stats";

/**
 * `npm run bench -- live [--engine postgres] [--smoke]`: N signed-in pages follow one
 * document over GET /api/events while one reviewer tags and untags a claim through the JSON
 * API. Latency: from the tag write's acknowledgement (its HTTP response) to each page's
 * receipt of the event. CPU: the app server's (user + system) time per event, beside the
 * same writes with no page open (the baseline, measured in the same run). On PostgreSQL, two
 * app servers on one database: the writes go to A, half the pages follow B (LISTEN/NOTIFY).
 */
const FULL = { clients: 50, writes: 60 };
const SMOKE = { clients: 5, writes: 6 };
const PASSWORD = "live bench password";
/** Between writes: a reviewer's pace is far slower; this keeps events from overlapping. */
const PAUSE_MS = 150;

interface Prepared {
  slug: string;
  claimId: string;
}

async function prepare(url: string, clients: number): Promise<Prepared> {
  prepareDatabase(url);
  const db = createDb(url);
  try {
    const passwordHash = await hashPassword(PASSWORD);
    await db.user.createMany({
      data: [
        ...Array.from({ length: clients }, (_, i) => ({
          email: `page${i}@example.test`,
          name: `Page ${i}`,
          role: "viewer",
          passwordHash,
        })),
        { email: "tagger@example.test", name: "Tagger", role: "reviewer", passwordHash },
      ],
    });
    const claim = await db.claim.findFirstOrThrow({ where: { deletedAt: null }, include: { document: true } });
    return { slug: claim.document.slug, claimId: claim.id };
  } finally {
    await db.$disconnect();
  }
}

/** One page's event stream: the receipt time of each `change` event, by its id. */
async function follow(base: string, slug: string, cookie: string, received: Map<number, number>[]) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/events?document=${slug}`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`GET /api/events answered ${response.status}`);
  const mine = new Map<number, number>();
  received.push(mine);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      const now = performance.now();
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (\d+)$/m.exec(frame);
        if (id && frame.includes("event: change")) mine.set(Number(id[1]), now);
        end = buffer.indexOf("\n\n");
      }
    }
  })();
  return { close: () => controller.abort(), reading };
}

/** CPU seconds (user + system) of a process and its children so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime, stime, cutime, cstime are fields 14-17 of stat (11-14 after the ") " split).
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / 100;
}

/** The pids of `next start` and the server it spawns: CPU is counted on all of them. */
function serverPids(server: AppServer): number[] {
  const root = server.process.pid as number;
  const children = fs.existsSync(`/proc/${root}/task/${root}/children`)
    ? fs.readFileSync(`/proc/${root}/task/${root}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)
    : [];
  return [root, ...children];
}

const cpuOf = (servers: AppServer[]) =>
  servers.flatMap(serverPids).reduce((sum, pid) => sum + (fs.existsSync(`/proc/${pid}`) ? cpuSeconds(pid) : 0), 0);

/** Tags and untags the claim `writes` times; returns each write's acknowledgement time, in order. */
async function tagLoop(base: string, cookie: string, claimId: string, writes: number): Promise<number[]> {
  const acks: number[] = [];
  for (let i = 0; i < writes; i++) {
    const response = await fetch(`${base}/api/claims/${claimId}/tags`, {
      method: i % 2 === 0 ? "PUT" : "DELETE",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ tag: "statistic" }),
    });
    acks.push(performance.now());
    if (!response.ok) throw new Error(`tag write ${i} answered ${response.status}`);
    await response.arrayBuffer();
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  return acks;
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      smoke: { type: "boolean", default: false },
      engine: { type: "string", default: "sqlite" },
      clients: { type: "string" },
    },
    strict: true,
  });
  const plan = values.smoke ? SMOKE : FULL;
  const clients = Number(values.clients ?? plan.clients);
  if (!Number.isInteger(clients) || clients < 1 || clients > 400)
    throw new Error(`--clients must be a whole number from 1 to 400, got "${values.clients}"`);
  if (values.engine !== "sqlite" && values.engine !== "postgres")
    throw new Error(`--engine must be sqlite or postgres, got "${values.engine}"`);
  const postgres = values.engine === "postgres";

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-live-"));
  const database = `claimbook_bench_live_${process.pid}`;
  let pgUrl: string | undefined;
  let url = `file:${path.join(dir, "live.db")}`;
  if (postgres) {
    pgUrl = (await ensureTestServer()).url;
    await adminQuery(pgUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`, `CREATE DATABASE "${database}"`);
    url = withDatabase(pgUrl, database);
  }
  console.log(`preparing a seeded ${values.engine} database with ${clients} page accounts…`);
  const target = await prepare(url, clients);
  ensureBuild(["/api/events", "/api/claims/[id]/tags"], url);
  const servers: AppServer[] = [await startAppServer(url, await benchPort())];
  if (postgres) servers.push(await startAppServer(url, await benchPort()));
  const streams: { close(): void; reading: Promise<void> }[] = [];
  try {
    const writer = servers[0];
    const taggerCookie = await signInOverHttp(writer.base, "tagger@example.test", PASSWORD);
    // Warm-up: the first requests of a fresh `next start` compile and cache; not measured.
    await tagLoop(writer.base, taggerCookie, target.claimId, 2);

    // Baseline: the same writes with no page following.
    const idleCpu = cpuOf(servers);
    await tagLoop(writer.base, taggerCookie, target.claimId, plan.writes);
    const baselineCpu = cpuOf(servers) - idleCpu;

    const cookies: string[] = [];
    for (let i = 0; i < clients; i++)
      cookies.push(await signInOverHttp(servers[i % servers.length].base, `page${i}@example.test`, PASSWORD));
    const received: Map<number, number>[] = [];
    for (let i = 0; i < clients; i++)
      streams.push(await follow(servers[i % servers.length].base, target.slug, cookies[i], received));
    await new Promise((r) => setTimeout(r, 500)); // every stream joined its hub
    console.log(`${clients} pages follow ${target.slug}; ${plan.writes} tag writes, ${PAUSE_MS} ms apart…`);

    const cpuBefore = cpuOf(servers);
    const acks = await tagLoop(writer.base, taggerCookie, target.claimId, plan.writes);
    await new Promise((r) => setTimeout(r, 1000)); // the last events' delivery
    const liveCpu = cpuOf(servers) - cpuBefore;

    // Each write is one event: the k-th event id each page saw answers the k-th write.
    const latencies: number[] = [];
    let missing = 0;
    for (const page of received) {
      const ids = [...page.keys()].sort((a, b) => a - b).slice(-plan.writes);
      for (let k = 0; k < plan.writes; k++) {
        const at = ids[k] === undefined ? undefined : page.get(ids[k]);
        if (at === undefined) missing++;
        else latencies.push(at - acks[k]);
      }
    }
    const events = plan.writes * clients;
    const figures = {
      p50_ms: round(quantile(latencies, 0.5)),
      p95_ms: round(quantile(latencies, 0.95)),
      max_ms: round(Math.max(...latencies)),
      missing,
      cpu_ms_per_write_baseline: round((baselineCpu * 1000) / plan.writes, 2),
      cpu_ms_per_write_live: round((liveCpu * 1000) / plan.writes, 2),
      cpu_ms_per_delivered_event: round(((liveCpu - baselineCpu) * 1000) / events, 3),
    };
    console.log(
      `\nlive benchmark${values.smoke ? " (smoke: figures not meaningful)" : ""}: ${clients} pages, ${plan.writes} writes, ${values.engine}${postgres ? " (two app servers, writes on A)" : ""}, ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(" ")}\n`,
    );
    printTable([
      { measure: "delivery after the write's ack, p50 (ms)", value: figures.p50_ms, target: "" },
      { measure: "delivery after the write's ack, p95 (ms)", value: figures.p95_ms, target: "< 200" },
      { measure: "delivery after the write's ack, max (ms)", value: figures.max_ms, target: "" },
      { measure: "events never received", value: missing, target: "0" },
      {
        measure: "server CPU per write, no page open (ms)",
        value: figures.cpu_ms_per_write_baseline,
        target: "baseline",
      },
      { measure: `server CPU per write, ${clients} pages open (ms)`, value: figures.cpu_ms_per_write_live, target: "" },
      { measure: "server CPU per delivered event (ms)", value: figures.cpu_ms_per_delivered_event, target: "" },
    ]);
    console.log(
      JSON.stringify({
        benchmark: "live",
        smoke: values.smoke,
        engine: values.engine,
        servers: servers.length,
        clients,
        writes: plan.writes,
        loadAverage: os.loadavg(),
        ...figures,
      }),
    );
    if (missing > 0) throw new Error(`${missing} event(s) never reached their page`);
  } finally {
    for (const s of streams) s.close();
    for (const server of servers) await server.kill("SIGTERM");
    if (pgUrl) await adminQuery(pgUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
