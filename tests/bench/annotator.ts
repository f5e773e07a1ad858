import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { createDb } from "../../lib/db/client";
import { createUser } from "../../lib/db/users";
import { sha256Hex } from "../../lib/documents/hash";
import { median, printTable, quantile, round } from "./stats";
import { syntheticDocument } from "./synthetic-document";

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const LOADS = 8;
const TAG_CLAIMS = 30;
const REVIEWER = {
  email: "bench@example.test",
  name: "Bench",
  role: "reviewer" as const,
  password: "bench password 1",
};

async function prepareDatabase(url: string, claimCount: number) {
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync("npm", ["run", "--silent", "db:migrate"], { env, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "ignore" });
  const db = createDb(url);
  const { text, claims } = syntheticDocument(claimCount);
  const doc = await db.document.create({
    data: {
      slug: "bench-large",
      fileName: "bench-large.txt",
      title: `Synthetic document, ${claimCount} claims`,
      text,
      sha256: sha256Hex(text),
    },
  });
  await db.claim.createMany({ data: claims.map((c) => ({ ...c, documentId: doc.id, textHash: doc.sha256 })) });
  await createUser(db, REVIEWER, null);
  await db.$disconnect();
}

async function startServer(url: string) {
  if (!fs.existsSync(".next/BUILD_ID")) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const server = spawn("npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(PORT)], {
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/auth/providers`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

/** Navigation timings and the moment React has hydrated the annotator (it then answers keys). */
async function measureLoad(page: Page, url: string) {
  await page.goto(url);
  // Passed as source text: tsx's name-keeping helpers do not exist inside the page.
  return page.evaluate(`new Promise((resolve) => {
    const nav = performance.getEntriesByType("navigation")[0];
    const check = () => {
      const el = document.querySelector(".reader");
      if (el && Object.keys(el).some((k) => k.startsWith("__react"))) {
        resolve({ ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, interactive: performance.now() });
      } else requestAnimationFrame(check);
    };
    check();
  })`) as Promise<{ ttfb: number; dcl: number; load: number; interactive: number }>;
}

/** Time from the tag key's keydown to the highlight's repaint-ready DOM change, and each server action's round trip. */
async function measureTagging(page: Page, url: string, claims: number) {
  await page.goto(url);
  await page.waitForSelector(".claim-item");
  await page.evaluate(`(() => {
    window.__lat = [];
    window.__rt = [];
    window.__t0 = null;
    document.addEventListener("keydown", (e) => { if (e.key === "s") window.__t0 = performance.now(); }, true);
    new MutationObserver(() => {
      if (window.__t0 !== null) {
        window.__lat.push(performance.now() - window.__t0);
        window.__t0 = null;
      }
    }).observe(document.querySelector(".document-text"), { subtree: true, attributes: true, attributeFilter: ["style", "data-badge"], childList: true });
    const original = window.fetch;
    window.fetch = async (...args) => {
      const t = performance.now();
      const response = await original(...args);
      if (((args[1] && args[1].method) || "GET").toUpperCase() === "POST") {
        await response.clone().text();
        window.__rt.push(performance.now() - t);
      }
      return response;
    };
  })()`);
  for (let i = 0; i < claims; i++) {
    await page.keyboard.press("j");
    for (let toggle = 0; toggle < 2; toggle++) {
      const before = (await page.evaluate("window.__rt.length")) as number;
      await page.keyboard.press("s");
      await page.waitForFunction(`window.__rt.length > ${before}`);
    }
  }
  return page.evaluate("({ latency: window.__lat, roundTrip: window.__rt })") as Promise<{
    latency: number[];
    roundTrip: number[];
  }>;
}

export async function run(args: string[]) {
  const claimCount = Number(args.find((a) => a.startsWith("--claims="))?.slice(9) ?? 1000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  console.log(`preparing a database with the corpus and a synthetic document of ${claimCount} claims…`);
  await prepareDatabase(url, claimCount);
  const server = await startServer(url);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${BASE}/signin`);
    await page.getByLabel("Email").fill(REVIEWER.email);
    await page.getByLabel("Password").fill(REVIEWER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/documents$/);
    const baselineSlug = await page.locator(".document-card a").nth(2).getAttribute("href");
    const targets = [
      {
        name: `corpus document (${await page.locator(".document-card").nth(2).locator(".tag-count-total dd").textContent()} claims): baseline`,
        url: `${BASE}${baselineSlug}`,
      },
      { name: `synthetic document (${claimCount} claims)`, url: `${BASE}/documents/bench-large` },
    ];
    const rows: Record<string, string | number>[] = [];
    const figures: Record<string, Record<string, number>> = {};
    for (const target of targets) {
      const loads = [];
      for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(page, target.url));
      const tagging = await measureTagging(page, target.url, TAG_CLAIMS);
      const f = {
        ttfb_ms_p50: median(loads.map((l) => l.ttfb)),
        dom_content_loaded_ms_p50: median(loads.map((l) => l.dcl)),
        interactive_ms_p50: median(loads.map((l) => l.interactive)),
        interactive_ms_p95: quantile(
          loads.map((l) => l.interactive),
          0.95,
        ),
        tag_key_to_highlight_ms_p50: median(tagging.latency),
        tag_key_to_highlight_ms_p95: quantile(tagging.latency, 0.95),
        action_round_trip_ms_p50: median(tagging.roundTrip),
        action_round_trip_ms_p95: quantile(tagging.roundTrip, 0.95),
      };
      figures[target.name] = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, round(v)]));
      rows.push({ document: target.name, ...figures[target.name] });
    }
    const [base, large] = Object.values(figures);
    const ratios = Object.fromEntries(Object.keys(large).map((k) => [k, round(large[k] / base[k], 2)]));
    console.log(
      `\nannotator benchmark: ${LOADS} page loads and ${TAG_CLAIMS * 2} tag toggles per document, Chromium headless, 1280×900\n`,
    );
    printTable([...rows, { document: "ratio synthetic / baseline", ...ratios }]);
    console.log(JSON.stringify({ benchmark: "annotator", claims: claimCount, figures, ratios }));
  } finally {
    await browser.close();
    process.kill(-server.pid!, "SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
