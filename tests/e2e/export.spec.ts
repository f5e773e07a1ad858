import fs from "node:fs";
import { expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { ADMIN_STATE, E2E_BASE_URL } from "./fixtures/env";
import { readStoredClaims } from "./fixtures/stored-claims";

test.use({ storageState: ADMIN_STATE });

const stored = readStoredClaims();
const fileName = [...new Set(stored.map((c) => c.document))].sort()[2];
const claims = stored.filter((c) => c.document === fileName);

async function openDocument(page: Page) {
  await page.goto("/documents");
  await page.locator(".document-card").nth(2).getByRole("link").click();
  await expect(page.locator(".document-text")).toBeVisible();
}

async function download(page: Page, format: string, scope = "This document") {
  await page.getByText("Export…").click();
  await page.getByRole("radio", { name: scope, exact: true }).check();
  await page.locator(`input[name="format"][value="${format}"]`).check();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  await expect(page.getByRole("status").filter({ hasText: "Downloaded" })).toContainText(file.suggestedFilename());
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, "utf8") };
}

test("downloads a Markdown report of the open document from the export menu", async ({ page }) => {
  await openDocument(page);
  const slug = new URL(page.url()).pathname.split("/").pop()!;
  const title = (await page.locator(".document-header h1").textContent())!;
  const { name, text } = await download(page, "md");
  expect(name).toMatch(new RegExp(`^claimbook-${slug}-\\d{4}-\\d{2}-\\d{2}\\.md$`));
  expect(text).toContain(`# Claimbook report: ${title}`);
  expect(text).toContain(`- File: \`${fileName}\``);
  expect(text.match(/^### Claim \d+ /gm)).toHaveLength(claims.length);
});

test("downloads the CSV of all documents with every stored claim quoted exactly", async ({ page }) => {
  await openDocument(page);
  const { name, text } = await download(page, "csv", "All documents");
  expect(name).toMatch(/^claimbook-corpus-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(stored.length);
  const byId = new Map(rows.map((r) => [idOfLink(r.link), r]));
  for (const claim of stored) expect(byId.get(claim.id)?.exact.replace(/^'/, "")).toBe(claim.exact);
});

/** The claim id in a CSV row's link (…/documents/<slug>#claim-<id>). */
const idOfLink = (link: string) => decodeURIComponent(new URL(link).hash.slice("#claim-".length));

/** Every claim id the search API finds for a query, following its cursor. */
async function searchIds(page: Page, q: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ q, limit: "100", ...(cursor ? { cursor } : {}) });
    const body = (await page.request.get(`/api/claims?${params}`).then((r) => r.json())) as {
      hits: { claimId: string }[];
      nextCursor: string | null;
    };
    ids.push(...body.hits.map((h) => h.claimId));
    cursor = body.nextCursor;
  } while (cursor);
  return ids.sort();
}

test("downloads the CSV of a search result from the search page: every match, not just the first page", async ({
  page,
}) => {
  const q = "police";
  await page.goto(`/search?q=${q}`);
  const count = Number(
    (await page.locator(".search-count").textContent())!.match(/^([\d,]+) claims match/)![1].replace(/,/g, ""),
  );
  expect(count).toBeGreaterThan(20); // more than one page of results
  await page.getByText("Export…").click();
  await expect(page.locator(".export-scope")).toHaveText(`All ${count} claims matching “${q}”`);
  await page.locator('input[name="format"][value="csv"]').check();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^claimbook-search-police-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(fs.readFileSync((await file.path())!, "utf8"), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(count);
  expect(rows.map((r) => idOfLink(r.link)).sort()).toEqual(await searchIds(page, q));
  // Escape shuts the menu (on a phone it covers its own button).
  await page.keyboard.press("Escape");
  await expect(page.locator(".export-form")).toBeHidden();
});

test("the download route needs a session, validates its parameters and serves the selectors' plain text", async ({
  page,
}) => {
  const anonymous = await playwrightRequest.newContext({
    baseURL: E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  const refused = await anonymous.get("/api/export?format=md");
  expect(refused.status()).toBe(401);
  await anonymous.dispose();

  const badFormat = await page.request.get("/api/export?format=docx");
  expect(badFormat.status()).toBe(400);
  expect(await badFormat.json()).toMatchObject({ field: "format" });
  const unknownParam = await page.request.get("/api/export?format=md&query=rates");
  expect(unknownParam.status()).toBe(400);
  expect(await unknownParam.json()).toMatchObject({ error: "Unknown parameter: query." });
  const badQuery = await page.request.get("/api/export?format=md&q=status%3Amaybe");
  expect(badQuery.status()).toBe(400);
  expect(await badQuery.json()).toMatchObject({ field: "q" });
  expect(await page.request.get("/api/export?format=md&document=no-such-document").then((r) => r.status())).toBe(404);

  const jsonld = await page.request.get(`/api/export?format=jsonld&document=${fileName}`);
  expect(jsonld.headers()["content-type"]).toContain("application/ld+json");
  expect(jsonld.headers()["content-disposition"]).toMatch(/attachment; filename="claimbook-.+\.jsonld"/);
  const collection = await jsonld.json();
  expect(collection.total).toBe(claims.length);
  const first = collection.first.items[0];
  const text = await page.request.get(new URL(first.target.source.id).pathname).then((r) => r.text());
  const position = first.target.selector[0];
  expect([...text].slice(position.start, position.end).join("")).toBe(first.target.selector[1].exact);
});
