import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { holdWriteLock } from "../integration/helpers/write-lock";
import { signInOverHttp } from "../support/http-session";
import { ensureAccount } from "./fixtures/accounts";
import { E2E_BASE_URL, E2E_DATABASE_URL } from "./fixtures/env";

// Issue 11's holes, probed over HTTP against the production build, as an attacker would.

const base = E2E_BASE_URL;
const reviewer = { email: "rhea.hardening@example.test", password: "rhea's password 1", role: "reviewer" as const };
let cookie = "";
let claimId = "";
let slug = "";

// Each test sends many requests (some wait seconds for a lock or a hash): generous on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  ensureAccount(reviewer);
  cookie = await signInOverHttp(base, reviewer.email, reviewer.password);
  const search = await fetch(`${base}/api/claims?q=sheriff&limit=1`, { headers: { cookie } });
  const hit = ((await search.json()) as { hits: { claimId: string; document: { slug: string } }[] }).hits[0];
  claimId = hit.claimId;
  slug = hit.document.slug;
});

const get = (route: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${route}`, { redirect: "manual", headers: { cookie, ...headers } });

test("a signed-in user's callbackUrl never leaves the origin, and CR/LF is no 500", async () => {
  for (const value of [
    "/%09/evil.example",
    "/%5Cevil.example",
    "%2F%2Fevil.example",
    "/.//evil.example",
    "https://evil.example",
  ]) {
    const response = await get(`/signin?callbackUrl=${value}`);
    expect(response.status, value).toBeLessThan(400);
    const location = response.headers.get("location") ?? "";
    expect(new URL(location, base).origin, value).toBe(base);
  }
  const crlf = await get("/signin?callbackUrl=/documents%0D%0ASet-Cookie:%20x=1");
  expect(crlf.status).toBeLessThan(500);
  expect(crlf.headers.get("set-cookie") ?? "").not.toContain("x=1");
});

test("a forged X-Forwarded-For does not reset the sign-in limit", async () => {
  const attempt = async (i: number) => {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: jar,
        "x-forwarded-for": `198.51.100.${i}`,
      },
      body: new URLSearchParams({
        csrfToken,
        email: "forged.xff@example.test",
        password: `guess number ${i}`,
        json: "true",
      }),
    });
    return decodeURIComponent((await response.json()).url as string);
  };
  for (let i = 0; i < 5; i++) expect(await attempt(i)).toContain("CredentialsSignin");
  expect(await attempt(99)).toContain("Too many sign-in attempts");
});

// Every route handler of the app, with a request that reaches it as a signed-in user.
const PROBES: Record<string, { method: string; route: () => string; body?: unknown }[]> = {
  "app/api/auth/[...nextauth]/route.ts": [
    { method: "GET", route: () => "/api/auth/session" },
    { method: "GET", route: () => "/api/auth/csrf" },
  ],
  "app/api/claims/route.ts": [{ method: "GET", route: () => "/api/claims?q=sheriff" }],
  "app/api/claims/[id]/route.ts": [
    { method: "GET", route: () => `/api/claims/${claimId}` },
    { method: "PATCH", route: () => `/api/claims/${claimId}`, body: { version: 0, status: "accepted" } },
  ],
  "app/api/claims/[id]/tags/route.ts": [
    { method: "PUT", route: () => `/api/claims/${claimId}/tags`, body: { tag: "statistic" } },
    { method: "DELETE", route: () => `/api/claims/${claimId}/tags`, body: { tag: "statistic" } },
  ],
  "app/api/export/route.ts": [{ method: "GET", route: () => "/api/export?format=json" }],
  // A stream that never ends: its headers are checked, then it is closed.
  "app/api/events/route.ts": [{ method: "GET", route: () => `/api/events?document=${slug}` }],
  "app/documents/[slug]/text/route.ts": [{ method: "GET", route: () => `/documents/${slug}/text` }],
  "app/api/documents/[slug]/claims/route.ts": [{ method: "GET", route: () => `/api/documents/${slug}/claims` }],
};

function routeFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

test("every authenticated answer of every route is private and not stored", async () => {
  expect(Object.keys(PROBES).sort()).toEqual(routeFiles().sort());
  for (const [file, probes] of Object.entries(PROBES)) {
    for (const probe of probes) {
      const response = await fetch(`${base}${probe.route()}`, {
        method: probe.method,
        redirect: "manual",
        headers: { cookie, "content-type": "application/json" },
        body: probe.body === undefined ? undefined : JSON.stringify(probe.body),
      });
      const label = `${probe.method} ${probe.route()} (${file}) → ${response.status}`;
      expect(response.status, label).toBeLessThan(500);
      const cacheControl = response.headers.get("cache-control") ?? "";
      expect(cacheControl, label).toContain("private");
      expect(cacheControl, label).toContain("no-store");
      if (response.headers.get("content-type")?.startsWith("text/event-stream")) await response.body?.cancel();
      else await response.arrayBuffer();
    }
  }
});

test("hostile server-action calls get a 4xx, never a 500", async () => {
  const action = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/documents`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie,
        "next-action": "0".repeat(40),
        origin: base,
        "content-type": "text/plain;charset=UTF-8",
        ...headers,
      },
      body,
    });
  const foreign = await action("[]", { origin: "https://evil.example" });
  expect(foreign.status).toBe(403);
  const oversized = await action(JSON.stringify(["x".repeat(1024 * 1024 + 10)]));
  expect(oversized.status).toBe(413);
  const nested = await action(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
  expect(nested.status).toBe(400);
  const unknownAction = await action("[]");
  expect(unknownAction.status).toBeLessThan(500);
});

test("a write while another process holds the database's write lock waits, or answers 503 with a message", async () => {
  const file = path.resolve(E2E_DATABASE_URL.replace(/^file:/, ""));
  const tag = (method: "PUT" | "DELETE") =>
    fetch(`${base}/api/claims/${claimId}/tags`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ tag: "opinion" }),
    });

  const short = await holdWriteLock(file, 3000);
  const waited = await tag("PUT");
  expect(waited.status).toBe(200);
  expect(
    ((await waited.json()) as { data: { reviewerTags: { tag: string }[] } }).data.reviewerTags.map((t) => t.tag),
  ).toContain("opinion");
  await short.released;

  const long = await holdWriteLock(file, 15_000);
  const refused = await tag("DELETE");
  expect(refused.status).toBe(503);
  expect(await refused.json()).toMatchObject({ ok: false, error: "The database is busy, try again." });
  long.child.kill();
  await long.released;
  expect((await tag("DELETE")).status).toBe(200);
});
