import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN_STATE } from "./fixtures/env";

// Issue 18, outside the annotator (the annotator's part is reviewer-day.spec.ts): a search that forgives, counts with one rule and a legend,
// bylines instead of file names, a favicon; each changed page looked at (screenshots at 1280
// and 390 px under /tmp/shots-day/) and checked with axe.

test.use({ storageState: ADMIN_STATE });

const SHOTS = "/tmp/shots-day";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target.join(" ")})`);
}

/** Screenshots at desktop and phone width, and no serious axe violation at either. */
async function lookAt(page: Page, name: string, { fullPage = true } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: fullPage && width === 390 });
    expect(await seriousViolations(page), `${name} at ${width}px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a search that finds nothing says what it searched and offers the nearest query that matches", async ({
  page,
}) => {
  await page.goto("/search?q=homicidez");
  await expect(page.locator(".search-count")).toHaveText("No claims match.");
  await expect(page.getByRole("status").filter({ hasText: "Nothing matched" })).toHaveText(
    "Nothing matched “homicidez” (and its other forms).",
  );
  const suggestion = page.locator(".search-suggestion");
  // homicide is one edit away and in the corpus (the e2e database holds the shipped articles).
  await expect(suggestion).toContainText(/Try homicide \(\d+ claims\)\./);
  await lookAt(page, "search-nothing");
  await suggestion.getByRole("link", { name: "homicide" }).click();
  await expect(page).toHaveURL(/q=homicide$/);
  await expect(page.locator(".search-count")).toHaveText(/^\d+ claims? match/);
});

test("plurals and OR find what people type, and each match is marked", async ({ page }) => {
  await page.goto("/search?q=homicides");
  const plural = Number((await page.locator(".search-count").textContent())!.match(/^(\d+)/)![1]);
  expect(plural).toBeGreaterThan(0);
  await expect(page.locator(".result mark.search-match").first()).toHaveText(/^homicides?$/i);
  await page.goto(`/search?q=${encodeURIComponent("homicide OR murder")}`);
  const either = Number((await page.locator(".search-count").textContent())!.match(/^(\d+)/)![1]);
  expect(either).toBeGreaterThanOrEqual(plural);
  await lookAt(page, "search-or");
});

test("the document list shows bylines, never a file name in their place, and explains its counts", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto("/documents");
  const cards = page.locator(".document-card");
  // The five shipped documents come first (file-name order); other specs may have imported more.
  await expect(cards.nth(4)).toBeVisible();
  const shipped = await Promise.all([0, 1, 2, 3, 4].map((i) => cards.nth(i).locator(".meta").first().textContent()));
  for (const meta of shipped.map(String)) {
    expect(meta).not.toMatch(/^\d{3}_[0-9a-f]+\.txt/); // the byline slot never holds the file name
    expect(meta).toMatch(/The Daily Signal|Tom Homan · The Hill|Author and outlet not recorded/);
  }
  await page.getByText("What the tags and counts mean").click();
  await expect(page.locator(".tag-legend")).toContainText("final tag");
  await expect(page.locator(".tag-legend")).toContainText("more than half of the reviewers");
  // A favicon, and no 404 for one.
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /icon/);
  expect((await page.request.get("/icon.svg")).status()).toBe(200);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  await lookAt(page, "documents");

  await cards.nth(2).getByRole("link").click();
  await expect(page.locator(".document-header .byline-missing")).toHaveText("Author and outlet not recorded");
  await lookAt(page, "document-header", { fullPage: false });
  const footer = page.getByRole("region", { name: "About this document" });
  await footer.getByText("What the tags and counts mean").click();
  await expect(footer.locator(".tag-counts")).toBeVisible();
  await footer.scrollIntoViewIfNeeded();
  await lookAt(page, "document-footer", { fullPage: false });
});

test("the audit log and the users page read well at both widths", async ({ page }) => {
  await page.goto("/admin/audit");
  await expect(page.locator(".audit-sentence").first()).toBeVisible();
  await lookAt(page, "audit");
  await page.goto("/admin/users");
  await lookAt(page, "users");
});

test("an admin fills in a missing outlet; the byline and the audit log say so in words", async ({ page }) => {
  await page.goto("/documents");
  await page.locator(".document-card").nth(2).getByRole("link").click();
  const header = page.locator(".document-header");
  const footer = page.getByRole("region", { name: "About this document" });
  await footer.getByText("Edit details").click();
  await footer.getByLabel("Outlet").fill("Example Outlet");
  await footer.getByRole("button", { name: "Save details" }).click();
  await expect(footer.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(header.locator(".byline")).toHaveText("Example Outlet");

  await page.goto("/admin/audit");
  const edit = page.locator('tr[data-action="document.edit-metadata"]').first();
  await expect(edit.locator(".audit-sentence")).toContainText("Ada Admin edited the details of");
  await expect(edit.locator(".audit-changes")).toHaveText(/outlet: none\s*→\s*changed to “Example Outlet”/);

  // Put it back: an empty field clears it.
  await page.goBack();
  await footer.getByText("Edit details").click();
  await footer.getByLabel("Outlet").fill("");
  await footer.getByRole("button", { name: "Save details" }).click();
  await expect(header.locator(".byline-missing")).toHaveText("Author and outlet not recorded");
});
