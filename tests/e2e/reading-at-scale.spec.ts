import { expect, test } from "@playwright/test";
import { claimsAt } from "../../lib/highlights/claim-index";
import { ADMIN_STATE } from "./fixtures/env";
import { clickPassage, paintedClaim } from "./fixtures/highlights";
import { addLargeDocument, type LargeClaim, removeLargeDocument } from "./fixtures/large-document";

// The reading view with 10,000 claims (the benchmark's synthetic document): highlights are
// painted ranges, not elements, and the claim list is virtualised; every behaviour of the
// short documents must hold here too.
const SLUG = "synthetic-10k";
const COUNT = 10_000;
let claims: LargeClaim[] = [];

test.use({ storageState: ADMIN_STATE });
test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(() => {
  claims = addLargeDocument(SLUG, COUNT);
});

test.afterAll(() => removeLargeDocument(SLUG));

const row = (id: string) => `.claim-item[data-claim-id="${id}"]`;

test("10,000 claims: deep link, keyboard, overlap, nesting, click cycling and tagging", async ({ page }) => {
  expect(claims).toHaveLength(COUNT);
  // A claim nested in another, and two that overlap without nesting, past the first screen.
  const later = claims.slice(6000);
  const inner = later.find((c) => later.some((o) => o !== c && o.start <= c.start && c.end <= o.end))!;
  const outer = later.find((o) => o !== inner && o.start <= inner.start && inner.end <= o.end)!;
  const [a, b] = (() => {
    for (const x of later)
      for (const y of later) if (x.start < y.start && y.start < x.end && x.end < y.end) return [x, y];
    throw new Error("no overlapping pair");
  })();

  // Deep link: the page opens on the claim, painted as selected, its row pressed and in the list's view.
  const target = claims[7000];
  await page.goto(`/documents/${SLUG}#claim-${target.id}`);
  await expect(page.locator(".panel-title .count")).toHaveText(String(COUNT));
  // Hydrating 10,000 claims takes seconds on a loaded 2-core machine (see the annotator bench).
  await expect(page.locator(row(target.id))).toHaveAttribute("aria-pressed", "true", { timeout: 60_000 });
  await expect(page.locator(row(target.id))).toBeInViewport();
  await expect.poll(async () => (await paintedClaim(page, target.id))?.inViewport).toBe(true);
  expect((await paintedClaim(page, target.id))?.selected).toBe(true);
  await expect(page.locator(".claim-detail")).toHaveAccessibleName("Claim 7001");
  // Only the rows near the list's viewport exist; each knows its place in the whole list.
  expect(await page.locator(".claim-list > li").count()).toBeLessThan(80);
  await expect(page.locator(`li:has(${row(target.id)})`)).toHaveAttribute("aria-posinset", "7001");
  await expect(page.locator(`li:has(${row(target.id)})`)).toHaveAttribute("aria-setsize", String(COUNT));

  // Keyboard: from a focused row, j and k move the selection, the focus and the list together.
  await page.locator(row(target.id)).focus();
  for (const [key, index] of [
    ["j", 7001],
    ["j", 7002],
    ["k", 7001],
  ] as const) {
    await page.keyboard.press(key);
    const id = claims[index].id;
    await expect(page.locator(row(id))).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(row(id))).toBeFocused();
    await expect(page.locator(row(id))).toBeInViewport();
    await expect.poll(async () => (await paintedClaim(page, id))?.inViewport).toBe(true);
  }
  // Walking far: 40 presses run the list past its first window of rows.
  await page.keyboard.press("Escape");
  for (let i = 0; i < 40; i++) await page.keyboard.press("j");
  await expect(page.locator(row(claims[7041].id))).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(row(claims[7041].id))).toBeInViewport();

  // Overlap and nesting: each claim is painted over exactly its own passage.
  for (const c of [inner, outer, a, b]) {
    const painted = await paintedClaim(page, c.id);
    expect(painted?.text.length).toBe(c.end - c.start);
    expect(painted?.badge).toBe("·"); // untagged: a neutral badge, so every claim has a letter mark
  }

  // Click cycling: clicks on a passage shared by nested claims select each covering claim, innermost first, then wrap.
  await page.locator(".claim-detail").getByRole("button", { name: "Close claim" }).click();
  const at = Math.floor((inner.start + inner.end) / 2);
  const covering = claimsAt(claims, at).map((c) => c.id);
  expect(covering.length).toBeGreaterThanOrEqual(2);
  for (const id of [...covering, covering[0]]) {
    await clickPassage(page, inner.id);
    await expect(page.locator(row(id))).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(row(id))).toBeInViewport();
  }

  // Tagging by key repaints the claim in its tag's colour and letter; the list row follows.
  await page.locator(row(covering[0])).click();
  // The write sends and returns one claim: no page re-render rides along with the answer.
  const answer = page.waitForResponse((r) => r.request().method() === "POST");
  await page.keyboard.press("s");
  const request = (await answer).request();
  expect(request.postData()!.length).toBeLessThan(500);
  expect((await (await answer).body()).length).toBeLessThan(2_000);
  await expect.poll(async () => (await paintedClaim(page, covering[0]))?.name).toBe("claim-tag-statistic");
  await expect.poll(async () => (await paintedClaim(page, covering[0]))?.badge).toBe("S");
  await expect(page.locator(row(covering[0])).locator(".tag-badge")).toContainText("statistic");
  await page.keyboard.press("s");
  await expect.poll(async () => (await paintedClaim(page, covering[0]))?.name).toBe("claim-untagged");
});
