import { expect, test } from "@playwright/test";
import { ADMIN_STATE, E2E_BASE_URL } from "./fixtures/env";
import { paintedClaim } from "./fixtures/highlights";

test.use({ storageState: ADMIN_STATE });

test("search: type a query, apply a filter, open a result and land on its passage", async ({ page }) => {
  await page.goto("/documents");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search$/);

  const box = page.getByRole("searchbox", { name: "Search claims" });
  await box.fill("police");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=police$/);
  await expect(page.locator(".search-count")).toHaveText(/^\d+ claims match\.$/);
  const unfiltered = await page.locator(".result").count();
  expect(unfiltered).toBeGreaterThan(0);
  // A bare word also finds its forms (policing), each marked.
  await expect(page.locator(".result").first().locator("mark.search-match").first()).toHaveText(
    /^polic(e|es|ed|ing)$/i,
  );

  await page.getByRole("link", { name: "Filter: statistic" }).click();
  await expect(page).toHaveURL(/q=police\+tag%3Astatistic/);
  await expect(box).toHaveValue("police tag:statistic");
  await expect(page.getByRole("link", { name: "Remove filter: statistic" })).toBeVisible();
  const results = page.locator(".result");
  await expect(results.first()).toBeVisible();
  const count = await results.count();
  expect(count).toBeLessThan(unfiltered);
  for (let i = 0; i < count; i++)
    await expect(results.nth(i).locator(".tag-badge", { hasText: "statistic" })).toBeVisible();

  // The whole search is in the URL: reloading it shows the same results.
  const url = page.url();
  const ids = await results.evaluateAll((els) => els.map((e) => e.getAttribute("data-claim-id")));
  await page.goto(url);
  expect(await page.locator(".result").evaluateAll((els) => els.map((e) => e.getAttribute("data-claim-id")))).toEqual(
    ids,
  );

  const first = page.locator(".result").first();
  const claimId = await first.getAttribute("data-claim-id");
  await first.locator(".result-link").click();
  await expect(page).toHaveURL(new RegExp(`/documents/[^/]+#claim-${claimId}$`));
  await expect.poll(async () => (await paintedClaim(page, claimId!))?.inViewport).toBe(true);
  expect((await paintedClaim(page, claimId!))?.selected).toBe(true);
  await expect(page.locator(`.claim-item[data-claim-id="${claimId}"]`)).toHaveAttribute("aria-pressed", "true");
});

test("search: grouped by document, and hostile input gives a message, not an error", async ({ page }) => {
  await page.goto("/search?q=police&sort=document");
  await expect(page.locator(".result-group").first()).toBeVisible();
  const groups = await page.locator(".result-group-title > a:first-child").allTextContents();
  expect(new Set(groups).size).toBe(groups.length);

  await page.goto(`/search?q=${encodeURIComponent('"NEAR( ^* -- tag: police')}`);
  await expect(page.locator(".search-notice").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Search claims" })).toBeVisible();

  await page.goto("/search?q=status%3Amaybe");
  await expect(page.locator(".form-error")).toHaveText(/status:maybe is not a status/);
});

test("the JSON API answers signed-in users only, validates its parameters and paginates", async ({
  page,
  playwright,
}) => {
  // An explicitly empty session: the test runner would otherwise hand this context the admin's cookies.
  const anonymous = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: { cookies: [], origins: [] },
  });
  const refused = await anonymous.get("/api/claims?q=police");
  expect(refused.status()).toBe(401);
  await anonymous.dispose();

  const ok = await page.request.get("/api/claims?q=police&limit=5");
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { total: number; hits: { claimId: string; url: string }[]; next: string | null };
  expect(body.hits).toHaveLength(5);
  expect(body.hits[0].url).toMatch(/^\/documents\/.+#claim-/);
  expect(body.next).toBeTruthy();
  const second = (await (await page.request.get(body.next!)).json()) as { hits: { claimId: string }[] };
  expect(second.hits.map((h) => h.claimId)).not.toContain(body.hits[0].claimId);

  const bad = await page.request.get("/api/claims?q=police&limit=5000");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: "limit must be at most 100." });
  expect((await page.request.get("/api/claims?query=police")).status()).toBe(400);
  expect((await page.request.get(`/api/claims?q=${"x".repeat(10 * 1024)}`)).status()).toBe(400);
});
