import { expect, type Page, test } from "@playwright/test";
import { listDocumentFiles } from "../../lib/seed/corpus-files";
import { ADMIN_STATE } from "./fixtures/env";
import { allHighlightedTexts, clickPassage, paintedClaim } from "./fixtures/highlights";
import { readStoredClaims, type StoredClaim } from "./fixtures/stored-claims";

test.use({ storageState: ADMIN_STATE });

// One test per shipped document; the claims are read from the database when each test runs,
// so claims other specs add are expected too.
const DOCUMENTS = listDocumentFiles();

function storedClaimsOf(fileName: string): StoredClaim[] {
  return readStoredClaims().filter((c) => c.document === fileName);
}

async function openDocument(page: Page, fileName: string) {
  await page.goto("/documents");
  // The list is in file-name order.
  const index = DOCUMENTS.indexOf(fileName);
  await page.locator(".document-card").nth(index).getByRole("link").click();
  await expect(page.locator(".document-text")).toBeVisible();
}

test("the list shows the five documents with their claim counts", async ({ page }) => {
  await page.goto("/documents");
  await expect(page.locator(".document-card")).toHaveCount(5);
  const stored = readStoredClaims();
  await expect(page.locator(".lede")).toHaveText(`5 documents, ${stored.length} claims.`);
  expect(stored.length).toBeGreaterThan(100);
});

for (const fileName of DOCUMENTS) {
  test(`${fileName}: every stored claim is highlighted on its exact passage`, async ({ page }) => {
    const claims = storedClaimsOf(fileName);
    await openDocument(page, fileName);
    await expect(page.locator(".panel-title .count")).toHaveText(String(claims.length));
    // The list is virtualised: each row knows its place in the whole list.
    await expect(page.locator(".claim-list > li").first()).toHaveAttribute("aria-setsize", String(claims.length));
    const painted = await allHighlightedTexts(page);
    expect(Object.keys(painted)).toHaveLength(claims.length);
    const rows = Object.fromEntries(
      await page
        .locator(".claim-item")
        .evaluateAll((items) =>
          items.map((i) => [i.getAttribute("data-claim-id"), i.querySelector(".claim-exact")?.textContent]),
        ),
    );
    for (const claim of claims) {
      expect(painted[claim.id]).toBe(claim.exact);
      if (claim.id in rows) expect(rows[claim.id]).toBe(claim.exact);
    }
  });
}

test("clicking a claim in the list scrolls to its passage, and clicking a passage selects its claim", async ({
  page,
}) => {
  const fileName = DOCUMENTS[1];
  const claims = storedClaimsOf(fileName);
  await openDocument(page, fileName);
  const last = claims[claims.length - 1];

  const list = page.locator(".claim-list-scroll");
  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.locator(`.claim-item[data-claim-id="${last.id}"]`).click();
  await expect.poll(async () => (await paintedClaim(page, last.id))?.selected).toBe(true);
  await expect.poll(async () => (await paintedClaim(page, last.id))?.inViewport).toBe(true);
  await expect(page).toHaveURL(new RegExp(`#claim-${last.id}$`));

  // Back: a click on the first passage selects its claim in the list and brings it into view.
  const first = claims[0];
  await clickPassage(page, first.id);
  const item = page.locator(`.claim-item[data-claim-id="${first.id}"]`);
  await expect(item).toHaveAttribute("aria-pressed", "true");
  await expect(item).toBeInViewport();
  expect((await paintedClaim(page, last.id))?.selected).toBe(false);
});

test("a link to a claim opens the document on that claim; j and k walk the claims", async ({ page }) => {
  const fileName = DOCUMENTS[3];
  const claims = storedClaimsOf(fileName);
  await openDocument(page, fileName);
  const slugUrl = page.url();
  const target = claims[Math.floor(claims.length / 2)];
  await page.goto(`${slugUrl}#claim-${target.id}`);
  await expect.poll(async () => (await paintedClaim(page, target.id))?.inViewport).toBe(true);
  await expect(page.locator(`.claim-item[data-claim-id="${target.id}"]`)).toHaveAttribute("aria-pressed", "true");

  await page.keyboard.press("j");
  const next = claims[claims.indexOf(target) + 1];
  await expect(page.locator(`.claim-item[data-claim-id="${next.id}"]`)).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("k");
  await expect(page.locator(`.claim-item[data-claim-id="${target.id}"]`)).toHaveAttribute("aria-pressed", "true");
});
