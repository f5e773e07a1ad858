import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { documentsDir, listDocumentFiles } from "../../lib/seed/corpus-files";
import { ensureAccount, pageAs } from "./fixtures/accounts";
import { AnnotatorPage } from "./fixtures/annotator-page";
import { readStoredClaims } from "./fixtures/stored-claims";

// The reviewer's day by keyboard and on a phone. Document 004 (claims are created in it here;
// other specs read claims from the database when they run, so they expect them).
const DOC = 4;
const FILE = listDocumentFiles()[DOC];
const REVIEWER = { email: "kay.keyboard@example.test", password: "keyboard reviewer 1", role: "reviewer" } as const;

test.describe.configure({ mode: "serial" });
test.beforeAll(() => void ensureAccount(REVIEWER));

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? "");

test("after n, Escape leaves the note box: the next claim's keys tag it, and the unsent note is kept", async ({
  browser,
}) => {
  const a = new AnnotatorPage(await pageAs(browser, REVIEWER));
  await a.open(DOC);
  await a.page.keyboard.press("j");
  const first = (await a.selectedClaimId())!;
  await a.page.keyboard.press("n");
  const box = a.detail.getByRole("textbox", { name: "Add note" });
  await expect(box).toBeFocused();
  await a.page.keyboard.type("Check the FY 2020 source");
  await expect(a.detail.getByText("Ctrl+Enter add note", { exact: false })).toBeVisible();
  await a.page.keyboard.press("Escape");
  expect(await focusedTag(a.page)).not.toBe("TEXTAREA");

  await a.page.keyboard.press("j");
  const second = (await a.selectedClaimId())!;
  expect(second).not.toBe(first);
  expect(await focusedTag(a.page)).not.toBe("TEXTAREA");
  await a.page.keyboard.press("s");
  await expect(a.detail.getByRole("button", { name: /statistic/ })).toHaveAttribute("aria-pressed", "true");
  // j / k are announced to screen readers.
  await expect(a.page.locator(".reader-panel [aria-live].visually-hidden")).toContainText(
    /^Claim \d+, 2 of \d+ in the text: /,
  );

  await a.page.keyboard.press("k");
  await expect(box).toHaveValue("Check the FY 2020 source");
  await expect(a.detail).toContainText("unsent draft kept");
  await a.page.keyboard.press("s"); // the focus is not in the box: this is a tag key again
  await expect(box).toHaveValue("Check the FY 2020 source");
  await a.page.keyboard.press("s");
  // u jumps to the next claim this reviewer has not tagged: past claim 2 (tagged above) to claim 3.
  await a.page.keyboard.press("u");
  await expect(a.page.locator(".reader-panel [aria-live].visually-hidden")).toContainText(
    /^Claim \d+, 3 of \d+ in the text: /,
  );
  await a.page.close();
});

test("a focused select does not swallow shortcuts", async ({ browser }) => {
  const a = new AnnotatorPage(await pageAs(browser, REVIEWER));
  await a.open(DOC);
  await a.page.getByLabel("Filter claims by status").focus();
  await a.page.keyboard.press("j");
  await expect(a.page.locator('.claim-item[aria-pressed="true"]')).toHaveCount(1);
  await a.detail.locator(".detail-controls select").focus();
  await a.page.keyboard.press("?");
  await expect(a.page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await expect(a.page.getByRole("dialog").getByText("select a passage by keyboard")).toBeVisible();
  await a.page.close();
});

test("a claim is created by keyboard alone: v, grow by word and sentence, Enter", async ({ browser }) => {
  const a = new AnnotatorPage(await pageAs(browser, REVIEWER));
  await a.open(DOC);
  const count = Number(await a.page.locator(".panel-title .count").textContent());
  const before = new Set(readStoredClaims().map((c) => c.id));

  // From the selected claim: its passage plus the next word (a claim with words after it in its paragraph).
  const text = fs.readFileSync(path.join(documentsDir(), FILE), "utf8");
  const claim = readStoredClaims()
    .filter((c) => c.document === FILE)
    .sort((x, y) => x.start - y.start)
    .find((c) => /^[^\n]*?\w/.test(text.slice(c.end)))!;
  await a.page.goto(`${a.page.url()}#claim-${claim.id}`);
  await expect(a.item(claim.id)).toHaveAttribute("aria-pressed", "true");
  const numberOf = (id: string) => a.item(id).locator(".claim-number").textContent();
  const claimNumber = Number(await numberOf(claim.id));
  await a.page.keyboard.press("v");
  const bar = a.page.getByRole("region", { name: "Selecting a passage by keyboard" });
  await expect(bar.getByRole("status")).toContainText(claim.exact.slice(0, 40));
  await a.page.keyboard.press("ArrowRight");
  await a.page.keyboard.press("ArrowLeft");
  const words = claim.exact.split(/\s+/).length;
  await expect(bar.getByRole("status")).toContainText(`Selecting ${words} words: ${claim.exact.slice(0, 30)}`);
  await a.page.keyboard.press("ArrowRight");
  // s is not a tag key while selecting: nothing is tagged behind the reader's back.
  await a.page.keyboard.press("Enter");
  await expect(a.notice).toContainText("Claim created.");
  await expect(bar).toBeHidden();
  await expect(a.page.locator(".panel-title .count")).toHaveText(String(count + 1));
  const created = readStoredClaims().find((c) => c.document === FILE && !before.has(c.id))!;
  expect(created.start).toBe(claim.start);
  expect(created.exact.startsWith(`${claim.exact}`)).toBe(true);
  expect(created.exact.split(/\s+/).length).toBe(claim.exact.split(/\s+/).length + 1);
  // The new claim is selected and its row is in view in the list.
  const row = a.item(created.id);
  await expect(row).toHaveAttribute("aria-pressed", "true");
  await expect(row).toBeInViewport();
  // Numbers never shift: the claim keeps its number, the new one takes the next number after all others.
  expect(Number(await numberOf(claim.id))).toBe(claimNumber);
  // (Deleted claims keep their numbers, so the new one is at least the number of live claims.)
  expect(Number(await numberOf(created.id))).toBeGreaterThanOrEqual(
    readStoredClaims().filter((c) => c.document === FILE).length,
  );

  // From the top of the screen: the sentence there; ) and ( walk to the next sentence and back; Escape cancels.
  await a.page.keyboard.press("Escape");
  await a.page.evaluate(() => window.scrollTo(0, 0));
  await a.detail.getByRole("button", { name: "Close claim" }).click();
  await a.page.keyboard.press("v");
  const status = bar.getByRole("status");
  const one = await status.textContent();
  // (Document 004 repeats its title as its first paragraph: two steps reach different words.)
  await a.page.keyboard.press(")");
  await a.page.keyboard.press(")");
  await expect(status).not.toHaveText(one!);
  await a.page.keyboard.press("(");
  await a.page.keyboard.press("(");
  await expect(status).toHaveText(one!);
  await a.page.keyboard.press("Escape");
  await expect(bar).toBeHidden();
  await a.page.close();
});

test("e writes a claim's statement and kind, kept after a reload", async ({ browser }) => {
  const a = new AnnotatorPage(await pageAs(browser, REVIEWER));
  await a.open(DOC);
  await a.page.keyboard.press("j");
  await a.page.keyboard.press("j");
  await a.page.keyboard.press("j");
  const id = (await a.selectedClaimId())!;
  await a.page.keyboard.press("e");
  const statement = a.detail.getByLabel("Statement: the claim in your words");
  await expect(statement).toBeFocused();
  await statement.fill("Local cooperation under 287(g) has run for nearly three decades.");
  await a.detail.getByLabel("Kind").selectOption("factual");
  await a.detail.getByLabel("Kind").press("Control+Enter");
  await expect(a.notice).toContainText("Statement saved.");
  await expect(a.detail).toContainText("Local cooperation under 287(g) has run for nearly three decades.");
  await expect(a.detail).toContainText("Kind: factual");
  await a.page.reload();
  await a.page.goto(`${a.page.url().split("#")[0]}#claim-${id}`);
  await expect(a.page.locator(`.claim-detail[data-claim-id="${id}"]`)).toContainText(
    "Local cooperation under 287(g) has run for nearly three decades.",
  );
  await a.page.close();
});

test("a deleted claim says so and takes no new notes", async ({ browser }) => {
  const a = new AnnotatorPage(await pageAs(browser, REVIEWER));
  await a.open(DOC);
  await a.page.keyboard.press("j");
  await a.page.keyboard.press("j");
  await a.page.keyboard.press("x");
  await expect(a.detail.getByRole("heading", { name: "Deleted claim" })).toBeVisible();
  await expect(a.detail.getByRole("textbox", { name: "Add note" })).toHaveCount(0);
  await a.page.keyboard.press("x");
  await expect(a.detail.getByRole("heading", { name: /^Claim \d+$/ })).toBeVisible();
  await a.page.close();
});

test("on a phone, tapping a highlight keeps the reader's place, with comfortable targets", async ({ browser }) => {
  const page = await pageAs(browser, REVIEWER);
  await page.setViewportSize({ width: 390, height: 844 });
  const a = new AnnotatorPage(page);
  await a.open(DOC);
  const claims = readStoredClaims().filter((c) => c.document === FILE);
  const target = claims[Math.floor(claims.length / 3)];
  await a.clickPassage(target.id);
  const tappedAt = await page.evaluate(() => window.scrollY);
  expect(tappedAt).toBeGreaterThan(300);
  await expect(a.detail).toBeVisible();
  await expect(a.detail).toBeInViewport();
  await page.waitForTimeout(300); // anything that would move the page has happened by now
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - tappedAt)).toBeLessThan(10);
  expect((await a.painted(target.id))?.inViewport).toBe(true);
  for (const button of await a.detail.getByRole("group", { name: "Your tags" }).getByRole("button").all())
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await a.detail.getByRole("button", { name: "Close claim" }).click();
  await expect(a.detail).toBeHidden();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - tappedAt)).toBeLessThan(10);
  await page.close();
});

test("the legend and the keyboard selection pass axe", async ({ browser }) => {
  const a = new AnnotatorPage(await pageAs(browser, REVIEWER));
  await a.open(DOC);
  await a.page.getByText("What the badges mean").click();
  await expect(a.page.locator(".legend dl")).toContainText("reviewers disagree");
  await a.page.keyboard.press("v");
  await expect(a.page.getByRole("region", { name: "Selecting a passage by keyboard" })).toBeVisible();
  const results = await new AxeBuilder({ page: a.page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
  await a.page.screenshot({ path: "tests/.tmp/shots/reviewer-day-1280.png" });
  await a.page.setViewportSize({ width: 390, height: 844 });
  await a.page.screenshot({ path: "tests/.tmp/shots/reviewer-day-390.png" });
  await a.page.close();
});
