import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import { createDb } from "../../lib/db/client";
import { createUser } from "../../lib/db/users";
import { sha256Hex } from "../../lib/documents/hash";
import { type AppServer, benchPort, ensureBuild, prepareDatabase, startAppServer } from "../support/app-server";
import { median, printTable, quantile, round } from "./stats";
import { syntheticDocument } from "./synthetic-document";

const REVIEWER = {
  email: "bench@example.test",
  name: "Bench",
  role: "reviewer" as const,
  password: "bench password 1",
};

/** Full run: 8 page loads and 30 claims tagged twice per document. --smoke: one of each, a 50-claim document. */
const FULL = { claims: 1000, loads: 8, tagClaims: 30 };
const SMOKE = { claims: 50, loads: 1, tagClaims: 1 };

// The page runs under the app's nonce Content-Security-Policy, which forbids eval: so no
// string is evaluated in the page (Playwright's waitForFunction evals its predicate, even a
// function, so it is not used), and page code is passed as functions through page.evaluate
// (the DevTools protocol, which CSP does not govern). tsx wraps named inner functions in a
// `__name` helper that does not exist in the page, hence anonymous callbacks only.
declare global {
  interface Window {
    __lat: number[];
    __rt: number[];
    __t0: number | null;
  }
}

async function prepareBenchDatabase(url: string, claimCount: number) {
  prepareDatabase(url);
  const db = createDb(url);
  try {
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
    // The same text with no claims: what still grows with the document once its claims cost
    // nothing is its text (sent as HTML and again as the annotator's prop).
    await db.document.create({
      data: {
        slug: "bench-large-text",
        fileName: "bench-large-text.txt",
        title: "Synthetic document, its text without claims",
        text,
        sha256: doc.sha256,
      },
    });
    await createUser(db, REVIEWER, null);
  } finally {
    await db.$disconnect();
  }
}

/** Navigation timings and the moment the annotator is hydrated with its claims (it then answers keys). */
async function measureLoad(page: Page, url: string) {
  // From a blank page: navigation timings start before the previous document is unloaded, and
  // tearing down a 10,000-claim page is not what this load costs.
  await page.goto("about:blank");
  await page.goto(url);
  return page.evaluate(
    () =>
      new Promise<{ ttfb: number; dcl: number; load: number; interactive: number }>((resolve) => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const timer = setInterval(() => {
          const el = document.querySelector(".reader");
          // Hydrated, and holding its claims (a build that fetches them after first paint marks
          // the reader aria-busy until they arrive; an older build has them from the start).
          if (el && Object.keys(el).some((k) => k.startsWith("__react")) && el.getAttribute("aria-busy") !== "true") {
            clearInterval(timer);
            resolve({
              ttfb: nav.responseStart,
              dcl: nav.domContentLoadedEventEnd,
              load: nav.loadEventEnd,
              interactive: performance.now(),
            });
          }
        }, 1);
      }),
  );
}

/** Time from the tag key's keydown to the highlight's DOM change, and each server action's round trip. */
async function measureTagging(page: Page, url: string, claims: number) {
  await page.goto(url);
  await page.waitForSelector(".claim-item");
  await page.evaluate(() => {
    window.__lat = [];
    window.__rt = [];
    window.__t0 = null;
    document.addEventListener(
      "keydown",
      (e) => {
        if (e.key === "s") window.__t0 = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      if (window.__t0 !== null) {
        window.__lat.push(performance.now() - window.__t0);
        window.__t0 = null;
      }
    }).observe(document.querySelector(".document-text") as Element, {
      subtree: true,
      attributes: true,
      attributeFilter: ["style", "data-badge"],
      childList: true,
    });
    const original = window.fetch;
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const t = performance.now();
      const response = await original(...args);
      if ((args[1]?.method ?? "GET").toUpperCase() === "POST") {
        await response.clone().text();
        window.__rt.push(performance.now() - t);
      }
      return response;
    };
  });
  for (let i = 0; i < claims; i++) {
    await page.keyboard.press("j");
    for (let toggle = 0; toggle < 2; toggle++) {
      const before = await page.evaluate(() => window.__rt.length);
      await page.keyboard.press("s");
      // Waits in the page for the server action's answer, polling without eval.
      await page.evaluate(
        (count) =>
          new Promise<void>((resolve, reject) => {
            const started = performance.now();
            const timer = setInterval(() => {
              if (window.__rt.length > count) {
                clearInterval(timer);
                resolve();
              } else if (performance.now() - started > 30_000) {
                clearInterval(timer);
                reject(new Error("no server action answered the tag key within 30 s"));
              }
            }, 1);
          }),
        before,
      );
    }
  }
  return page.evaluate(() => ({ latency: window.__lat, roundTrip: window.__rt }));
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { smoke: { type: "boolean", default: false }, claims: { type: "string" } },
    strict: true,
  });
  const plan = values.smoke ? SMOKE : FULL;
  const claimCount = Number(values.claims ?? plan.claims);
  if (!Number.isInteger(claimCount) || claimCount < 10)
    throw new Error(`--claims must be a whole number ≥ 10, got "${values.claims}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  let server: AppServer | undefined;
  try {
    const port = await benchPort();
    console.log(`preparing a database with the corpus and a synthetic document of ${claimCount} claims…`);
    await prepareBenchDatabase(url, claimCount);
    ensureBuild([], url);
    server = await startAppServer(url, port);
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
      await measure(browser, server.base, claimCount, plan, values.smoke);
    } finally {
      await browser.close();
    }
  } finally {
    await server?.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(
  browser: import("playwright-core").Browser,
  base: string,
  claimCount: number,
  plan: typeof FULL,
  smoke: boolean,
) {
  // The app's CSP stays on (no bypassCSP): the measured page is the one users get.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // A page slower than Playwright's 30 s default is a figure to report, not a failure (a
  // 10,000-claim page took longer than that on a loaded machine before issue #16).
  page.setDefaultNavigationTimeout(180_000);
  page.setDefaultTimeout(180_000);
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(REVIEWER.email);
  await page.getByLabel("Password").fill(REVIEWER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/documents$/);
  const baselineSlug = await page.locator(".document-card a").nth(2).getAttribute("href");
  const baselineClaims = await page.locator(".document-card").nth(2).locator(".tag-count-total dd").textContent();
  const targets = [
    { name: `corpus document (${baselineClaims} claims): baseline`, url: `${base}${baselineSlug}`, tags: true },
    { name: `synthetic document (${claimCount} claims)`, url: `${base}/documents/bench-large`, tags: true },
    { name: "synthetic document's text, no claims", url: `${base}/documents/bench-large-text`, tags: false },
  ];
  const rows: Record<string, string | number>[] = [];
  const figures: Record<string, Record<string, number>> = {};
  for (const target of targets) {
    const loads = [];
    for (let i = 0; i < plan.loads; i++) loads.push(await measureLoad(page, target.url));
    const f: Record<string, number> = {
      ttfb_ms_p50: median(loads.map((l) => l.ttfb)),
      dom_content_loaded_ms_p50: median(loads.map((l) => l.dcl)),
      interactive_ms_p50: median(loads.map((l) => l.interactive)),
      interactive_ms_p95: quantile(
        loads.map((l) => l.interactive),
        0.95,
      ),
    };
    if (target.tags) {
      const tagging = await measureTagging(page, target.url, plan.tagClaims);
      Object.assign(f, {
        tag_key_to_highlight_ms_p50: median(tagging.latency),
        tag_key_to_highlight_ms_p95: quantile(tagging.latency, 0.95),
        action_round_trip_ms_p50: median(tagging.roundTrip),
        action_round_trip_ms_p95: quantile(tagging.roundTrip, 0.95),
      });
    }
    figures[target.name] = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, round(v)]));
    rows.push({ document: target.name, ...figures[target.name] });
  }
  const [baseline, large, textOnly] = Object.values(figures);
  const ratios = Object.fromEntries(Object.keys(large).map((k) => [k, round(large[k] / baseline[k], 2)]));
  // What the claims themselves cost, beside what the text costs: the synthetic document over its text alone.
  const claimsOverText = Object.fromEntries(Object.keys(textOnly).map((k) => [k, round(large[k] / textOnly[k], 2)]));
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
  console.log(
    `\nannotator benchmark${smoke ? " (smoke: one repetition, figures not meaningful)" : ""}: ${plan.loads} page load(s) and ` +
      `${plan.tagClaims * 2} tag toggles per document, Chromium headless, 1280×900, the app's CSP enforced; ` +
      `${os.cpus().length} cores, load average ${load}\n`,
  );
  printTable([
    ...rows,
    { document: "ratio synthetic / baseline", ...ratios },
    { document: "ratio synthetic / its text alone", ...claimsOverText },
  ]);
  console.log(
    JSON.stringify({
      benchmark: "annotator",
      smoke,
      claims: claimCount,
      loads: plan.loads,
      tagToggles: plan.tagClaims * 2,
      loadAverage: os.loadavg(),
      figures,
      ratios,
      claimsOverText,
    }),
  );
}
