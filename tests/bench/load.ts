import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { hashPassword } from "../../lib/auth/password";
import { createDb } from "../../lib/db/client";
import { type AppServer, benchPort, ensureBuild, prepareDatabase, startAppServer } from "../support/app-server";
import { signInOverHttp } from "../support/http-session";
import { adminQuery, ensureTestServer, withDatabase } from "../support/postgres/test-server";
import { processGroupCpuSeconds } from "./process-cpu";
import { printTable, quantile, round } from "./stats";

/** Reviewers (one connection and session each) and seconds of load; --smoke is the smallest run that still exercises every request kind. */
const FULL = { reviewers: 50, seconds: 60 };
const SMOKE = { reviewers: 5, seconds: 2 };
const PASSWORD = "load reviewer password";

interface Target {
  slugs: string[];
  claimsBySlug: Map<string, string[]>;
  tags: string[];
}

async function prepare(url: string, reviewers: number): Promise<Target> {
  prepareDatabase(url);
  const db = createDb(url);
  try {
    // One hash for all: the benchmark measures the app, not 50 bcrypt rounds of setup.
    const passwordHash = await hashPassword(PASSWORD);
    await db.user.createMany({
      data: Array.from({ length: reviewers }, (_, i) => ({
        email: `load${i}@example.test`,
        name: `Load ${i}`,
        role: "reviewer",
        passwordHash,
      })),
    });
    const documents = await db.document.findMany({
      select: { slug: true, claims: { select: { id: true }, where: { deletedAt: null } } },
    });
    const tags = (await db.tag.findMany({ select: { slug: true } })).map((t) => t.slug);
    return {
      slugs: documents.map((d) => d.slug),
      claimsBySlug: new Map(documents.map((d) => [d.slug, d.claims.map((c) => c.id)])),
      tags,
    };
  } finally {
    await db.$disconnect();
  }
}

async function signInAll(base: string, reviewers: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < reviewers; i += 5) {
    cookies.push(
      ...(await Promise.all([0, 1, 2, 3, 4].map((j) => signInOverHttp(base, `load${i + j}@example.test`, PASSWORD)))),
    );
  }
  return cookies;
}

type Context = { cookie?: string; slug?: string; claim?: string; tag?: string; kind?: string };
const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];

/** Whether the build fetches a document's claims after first paint (the page then holds only its text). */
const CLAIMS_ROUTE = "/api/documents/[slug]/claims";
const fetchesClaims = () => fs.existsSync(`.next/server/app${CLAIMS_ROUTE}/route.js`);

/**
 * One simulated reviewer per connection, each with their own session, looping: open the
 * document list, read two documents, tag a claim of the last one, remove that tag. Reading a
 * document is what a browser asks for: the page, and its claims when the build fetches them
 * after first paint (so builds from before and after that change do the same work per round).
 */
function reviewerRequests(target: Target, cookies: string[], withClaims: boolean): autocannon.Request[] {
  let next = 0;
  const as = (kind: string, build: (context: Context) => Partial<autocannon.Request>): autocannon.Request => ({
    setupRequest: ((request: autocannon.Request, context: Context) => {
      context.cookie ??= cookies[next++ % cookies.length];
      return { ...request, ...build(context), headers: { cookie: context.cookie, "content-type": "application/json" } };
    }) as autocannon.Request["setupRequest"],
    onResponse: ((_status: number, _body: string, context: Context) => {
      context.kind = kind;
    }) as autocannon.Request["onResponse"],
  });
  // Queries a reviewer types: words, a phrase, a prefix, a filter, an exclusion.
  const queries = ["sheriff", '"local police"', "deport*", "tag:statistic ICE", "criminal -amnesty"];
  const search = as("search", () => ({ method: "GET", path: `/api/claims?q=${encodeURIComponent(pick(queries))}` }));
  const readDocument = as("read document", (c) => {
    c.slug = pick(target.slugs);
    return { method: "GET", path: `/documents/${c.slug}` };
  });
  const readClaims = as("document claims (JSON)", (c) => ({
    method: "GET",
    path: `/api/documents/${encodeURIComponent(c.slug!)}/claims`,
  }));
  const read = withClaims ? [readDocument, readClaims] : [readDocument];
  return [
    as("document list", () => ({ method: "GET", path: "/documents" })),
    ...read,
    search,
    ...read,
    as("tag claim (PUT)", (c) => {
      c.claim = pick(target.claimsBySlug.get(c.slug!)!);
      c.tag = pick(target.tags);
      return { method: "PUT", path: `/api/claims/${c.claim}/tags`, body: JSON.stringify({ tag: c.tag }) };
    }),
    as("untag claim (DELETE)", (c) => ({
      method: "DELETE",
      path: `/api/claims/${c.claim}/tags`,
      body: JSON.stringify({ tag: c.tag }),
    })),
  ];
}

/**
 * Every page and route the load asks for, once per document, before the clock starts: the
 * first request of each compiles and loads its code, which a 30 s run would otherwise count
 * (in latency and in server CPU) as if it were the steady cost.
 */
async function warmUp(base: string, target: Target, cookie: string, withClaims: boolean) {
  const send = async (path: string, method = "GET", body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`warm-up: ${method} ${path} answered ${response.status}`);
  };
  const get = (path: string) => send(path);
  await get("/documents");
  await get("/api/claims?q=sheriff");
  for (const slug of target.slugs) {
    await get(`/documents/${slug}`);
    if (withClaims) await get(`/api/documents/${encodeURIComponent(slug)}/claims`);
  }
  const claim = target.claimsBySlug.get(target.slugs[0])![0];
  await send(`/api/claims/${claim}/tags`, "PUT", { tag: target.tags[0] });
  await send(`/api/claims/${claim}/tags`, "DELETE", { tag: target.tags[0] });
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: "string" },
      smoke: { type: "boolean", default: false },
      engine: { type: "string", default: "sqlite" },
      servers: { type: "string", default: "1" },
    },
    strict: true,
  });
  if (values.engine !== "sqlite" && values.engine !== "postgres")
    throw new Error(`--engine must be sqlite or postgres, got "${values.engine}"`);
  const serverCount = Number(values.servers);
  // Several servers share state only through the database: on SQLite that is one file and one
  // process's lock, so the option is PostgreSQL's.
  if (!(serverCount === 1 || (serverCount === 2 && values.engine === "postgres")))
    throw new Error(`--servers must be 1, or 2 with --engine postgres, got "${values.servers}"`);
  const plan = values.smoke ? SMOKE : FULL;
  const REVIEWERS = plan.reviewers;
  const seconds = Number(values.seconds ?? plan.seconds);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600)
    throw new Error(`--seconds must be a whole number from 1 to 600, got "${values.seconds}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-load-"));
  const database = `claimbook_bench_load_${process.pid}`;
  let pgUrl: string | undefined;
  let url = `file:${path.join(dir, "load.db")}`;
  if (values.engine === "postgres") {
    pgUrl = (await ensureTestServer()).url;
    await adminQuery(pgUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`, `CREATE DATABASE "${database}"`);
    url = withDatabase(pgUrl, database);
  }
  console.log(`preparing a seeded ${values.engine} database with ${REVIEWERS} reviewers…`);
  const target = await prepare(url, REVIEWERS);
  ensureBuild(["/api/claims/[id]/tags"], url);
  const servers: AppServer[] = [];
  for (let i = 0; i < serverCount; i++) servers.push(await startAppServer(url, await benchPort()));
  const server = servers[0];
  const serverCpu = () => {
    const each = servers.map((s) => processGroupCpuSeconds(s.process.pid as number));
    return each.includes(null) ? null : (each as number[]).reduce((a, b) => a + b, 0);
  };
  try {
    // Sessions are signed with the installation's secret (in the database): a cookie from one
    // server is good on the other, so the reviewers' connections are spread over both.
    const cookies = await signInAll(server.base, REVIEWERS);
    for (const s of servers) await warmUp(s.base, target, cookies[0], fetchesClaims());
    const against = servers.map((s) => s.base).join(" and ");
    console.log(`${REVIEWERS} reviewers signed in; ${seconds} s of load against ${against} (loopback only)…`);
    const latencies = new Map<string, number[]>();
    const failures = new Map<string, number>();
    let finish!: (result: autocannon.Result) => void;
    let fail!: (error: Error) => void;
    const done = new Promise<autocannon.Result>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    const withClaims = fetchesClaims();
    const options = {
      // Connection i goes to URL i mod n (autocannon's lib/run.js; its types only say string).
      url: (servers.length === 1 ? server.base : servers.map((s) => s.base)) as string,
      connections: REVIEWERS,
      duration: seconds,
      timeout: 30,
      requests: reviewerRequests(target, cookies, withClaims),
    };
    const cpuBefore = serverCpu();
    const instance = autocannon(options, (error, result) => (error ? fail(error) : finish(result)));
    instance.on("response", (client: unknown, status: number, _bytes: number, ms: number) => {
      const kind = (client as { requestIterator: { context: Context } }).requestIterator.context.kind ?? "?";
      if (!latencies.has(kind)) latencies.set(kind, []);
      latencies.get(kind)!.push(ms);
      if (status >= 400) failures.set(kind, (failures.get(kind) ?? 0) + 1);
    });
    const result = await done;
    const cpuAfter = serverCpu();
    const serverCpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    const rows = [...latencies].map(([kind, ms]) => ({
      request: kind,
      count: ms.length,
      p50_ms: round(quantile(ms, 0.5)),
      p99_ms: round(quantile(ms, 0.99)),
      max_ms: round(Math.max(...ms)),
      errors: failures.get(kind) ?? 0,
    }));
    const all = [...latencies.values()].flat();
    const total = {
      requests: result.requests.total,
      throughput_rps: round(result.requests.average),
      p50_ms: round(quantile(all, 0.5)),
      p99_ms: round(quantile(all, 0.99)),
      errors: result.errors,
      timeouts: result.timeouts,
      non_2xx: result.non2xx,
      // A round is one reviewer's loop (list, two documents, search, tag, untag): the same work
      // whether or not a document's claims come in a request of their own.
      rounds_per_s: round((latencies.get("document list")?.length ?? 0) / seconds),
      server_cpu_s: serverCpuSeconds === null ? null : round(serverCpuSeconds),
      // Less disturbed by other work on a shared machine than requests per wall-clock second.
      requests_per_server_cpu_s: serverCpuSeconds ? round(result.requests.total / serverCpuSeconds) : null,
      rounds_per_server_cpu_s: serverCpuSeconds
        ? round((latencies.get("document list")?.length ?? 0) / serverCpuSeconds)
        : null,
      claims_fetched_separately: withClaims,
    };
    console.log(
      `\nload benchmark${values.smoke ? " (smoke: figures not meaningful)" : ""}: ${REVIEWERS} reviewers (one connection and session each) for ${seconds} s, ${servers.length} next start on 127.0.0.1 (${values.engine}), ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(" ")}\n`,
    );
    printTable([
      ...rows,
      {
        request: "all",
        count: total.requests,
        p50_ms: total.p50_ms,
        p99_ms: total.p99_ms,
        max_ms: round(Math.max(...all)),
        errors: total.errors + total.timeouts + total.non_2xx,
      },
    ]);
    console.log(
      `\nthroughput ${total.throughput_rps} requests/s, ${total.rounds_per_s} reviewer rounds/s; ${total.errors} errors, ${total.timeouts} timeouts, ${total.non_2xx} non-2xx responses`,
    );
    console.log(
      total.server_cpu_s === null
        ? "server CPU: not measurable here (no /proc)"
        : `server CPU ${total.server_cpu_s} s (user + system, the next start process group): ${total.requests_per_server_cpu_s} requests and ${total.rounds_per_server_cpu_s} rounds per server CPU-second${withClaims ? "; each document read includes its claims request" : ""}`,
    );
    console.log(
      JSON.stringify({
        benchmark: "load",
        smoke: values.smoke,
        engine: values.engine,
        servers: servers.length,
        reviewers: REVIEWERS,
        seconds,
        loadAverage: os.loadavg(),
        ...total,
        byRequest: rows,
      }),
    );
    // A failed request fails the bench (main.ts exits 0 on success, so exitCode alone would be lost).
    const failed = total.errors + total.timeouts + total.non_2xx;
    if (failed > 0) throw new Error(`${failed} request(s) failed or timed out`);
  } finally {
    for (const s of servers) await s.kill("SIGTERM");
    if (pgUrl) await adminQuery(pgUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
