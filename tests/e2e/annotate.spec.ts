import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ensureAccount, pageAs } from "./fixtures/accounts";
import { AnnotatorPage } from "./fixtures/annotator-page";
import { readStoredClaims } from "./fixtures/stored-claims";

// Document 002 is short and has a claim with a clause worth claiming on its own.
const DOC = 2;
const REVIEWER = { email: "rui.reviewer@example.test", password: "reviewer password 1", role: "reviewer" } as const;
const OTHER = { email: "oda.reviewer@example.test", password: "reviewer password 2", role: "reviewer" } as const;
const VIEWER = { email: "val.viewer@example.test", password: "viewer password 1", role: "viewer" } as const;

function storedClaimId(exactStart: string): string {
  const claim = readStoredClaims().find((c) => c.exact.startsWith(exactStart));
  if (!claim) throw new Error(`no stored claim starts with "${exactStart}"`);
  return claim.id;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  for (const account of [REVIEWER, OTHER, VIEWER]) ensureAccount(account);
});

test("select text with the mouse, create a claim, adjust it by keyboard, tag it, nest it, delete and restore it", async ({
  browser,
}) => {
  test.setTimeout(90_000); // a long walk through the annotator; the default 30 s is tight on a loaded 2-core machine
  const a = new AnnotatorPage(await pageAs(browser, REVIEWER));
  await a.open(DOC);
  const count = Number(await a.page.locator(".panel-title .count").textContent());

  await a.selectWithMouse("for up to 48 hours");
  await a.page.keyboard.press("c");
  await expect(a.notice).toContainText("Claim created.");
  await expect(a.page.locator(".panel-title .count")).toHaveText(String(count + 1));
  const id = (await a.selectedClaimId())!;
  expect(await a.highlightedText(id)).toBe("for up to 48 hours");

  // Adjust both ends with the keyboard; every step is saved and re-highlighted.
  for (const [key, expected] of [
    ["]", "for up to 48 hours until"],
    ["{", "up to 48 hours until"],
    ["}", "up to 48 hours"],
  ] as const) {
    await a.page.keyboard.press(key);
    await expect(a.item(id).locator(".claim-exact")).toHaveText(expected);
    await expect.poll(() => a.highlightedText(id)).toBe(expected);
  }

  // One key per tag; the highlight takes the tag's colour and the claim shows this reviewer's tags.
  await a.page.keyboard.press("s");
  await expect(a.detail.getByRole("button", { name: /statistic/ })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await a.painted(id))?.name).toBe("claim-tag-statistic");
  await expect(a.badge(id)).toHaveAttribute("data-badge", "S");
  await a.page.keyboard.press("l");
  await expect(a.detail.getByRole("button", { name: /legal fact/ })).toHaveAttribute("aria-pressed", "true");
  await expect(a.detail.locator(".reviewer-tags")).toContainText("You");
  // Tags show at once (optimistic); reload only once both are stored, as the server has them.
  await expect
    .poll(() => [...(readStoredClaims().find((c) => c.id === id)?.tags ?? [])].sort(), { timeout: 15_000 })
    .toEqual(["legal-fact", "statistic"]);
  await a.page.reload();
  await a.item(id).click();
  await expect(a.detail.getByRole("button", { name: /statistic/ })).toHaveAttribute("aria-pressed", "true");

  // Nested inside the curated claim: clicking the shared passage selects the inner claim, then the outer one.
  const outer = storedClaimId("Agencies are permitted to detain aliens");
  await a.detail.getByRole("button", { name: "Close claim" }).click();
  await a.clickPassage(id, outer);
  await expect(a.item(id)).toHaveAttribute("aria-pressed", "true");
  await a.clickPassage(id, outer);
  await expect(a.item(outer)).toHaveAttribute("aria-pressed", "true");

  // The same passage twice is refused.
  await a.selectWithMouse("up to 48 hours");
  await a.page.keyboard.press("c");
  await expect(a.notice).toContainText("already exists");

  // A selection across paragraphs, or of whitespace only, gets a clear message.
  await a.page.evaluate(() => {
    const ps = document.querySelectorAll(".document-text p");
    const range = document.createRange();
    range.setStart(ps[1], 0);
    range.setEnd(ps[2], 1);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await a.page.keyboard.press("c");
  await expect(a.notice).toContainText("cannot cross paragraphs");

  // Delete (soft) and restore.
  await a.item(id).click();
  await a.page.keyboard.press("x");
  await expect(a.notice).toContainText("Claim deleted.");
  await expect(a.badge(id)).toHaveCount(0);
  expect(await a.painted(id)).toBeNull();
  await expect(a.page.locator(".panel-title .count")).toHaveText(String(count));
  await a.page.keyboard.press("x");
  await expect(a.notice).toContainText("Claim restored.");
  await expect.poll(() => a.highlightedText(id)).toBe("up to 48 hours");
});

test("notes: markdown rendered, scripts inert, threaded replies, edits and deletes kept in history", async ({
  browser,
}) => {
  const a = new AnnotatorPage(await pageAs(browser, REVIEWER));
  await a.open(DOC);
  const claim = storedClaimId("ICE announced the results");
  await a.item(claim).click();
  await a.page.keyboard.press("n");
  const box = a.detail.locator(".notes textarea").last();
  await expect(box).toBeFocused();
  await box.fill(
    '**Source?** See [ICE](https://www.ice.gov/287g) <script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> [click](javascript:window.pwned=3)',
  );
  await box.press("Control+Enter");
  const note = a.detail.locator(".note").first();
  await expect(note.locator(".note-body strong")).toHaveText("Source?");
  await expect(note.locator('.note-body a[href="https://www.ice.gov/287g"]')).toBeVisible();
  expect(await a.detail.locator(".notes script, .notes img, .notes a[href^='javascript']").count()).toBe(0);
  expect(await a.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expect(a.item(claim)).toContainText("1 note");

  await note.getByRole("button", { name: "Reply" }).click();
  await a.detail.locator(".note textarea").fill("Checked: the FY2020 report says so.");
  await a.detail.getByRole("button", { name: "Reply", exact: true }).last().click();
  await expect(note.locator(".note-replies .note-body")).toHaveText("Checked: the FY2020 report says so.");

  await note.getByRole("button", { name: "Edit" }).first().click();
  await note.locator("textarea").fill("**Source?** Edited.");
  await note.getByRole("button", { name: "Save" }).click();
  await expect(note.locator(".note-head").first()).toContainText("edited");

  const tooLong = a.detail.locator(".notes > .note-editor textarea");
  await tooLong.fill("x".repeat(10_001));
  await a.detail.getByRole("button", { name: "Add note" }).click();
  await expect(a.detail.locator(".notes > .note-editor [role=alert]")).toContainText("at most 10,000 characters");

  await note.getByRole("button", { name: "Delete" }).first().click();
  await expect(note.locator(".note-deleted").first()).toHaveText("Note deleted.");
  await expect(note.locator(".note-replies .note-body")).toBeVisible(); // the reply survives
});

test("two reviewers edit the same claim: the stale write is refused with the newer state, and can be re-applied", async ({
  browser,
}) => {
  const claim = storedClaimId("However, not all law enforcement executives");
  const first = new AnnotatorPage(await pageAs(browser, REVIEWER));
  const second = new AnnotatorPage(await pageAs(browser, OTHER));
  // The second page does not follow the document live (live.spec.ts covers that): this is the
  // path of an edit made on a page that has not heard of the other reviewer's change yet.
  await second.page.route("**/api/events**", (route) => route.abort());
  for (const a of [first, second]) {
    await a.open(DOC);
    await (await a.showItem(claim)).click();
  }
  await first.page.keyboard.press("2");
  await expect(first.detail.getByLabel("Status")).toHaveValue("accepted");

  await second.page.keyboard.press("3");
  await expect(second.notice).toContainText("Someone else changed this claim");
  await expect(second.detail.getByLabel("Status")).toHaveValue("accepted");
  await second.notice.getByRole("button", { name: "Re-apply my change" }).click();
  await expect(second.detail.getByLabel("Status")).toHaveValue("disputed");

  await first.page.reload();
  await (await first.showItem(claim)).click();
  await expect(first.detail.getByLabel("Status")).toHaveValue("disputed");
  await expect(first.item(claim)).toContainText("disputed");
});

test("reviewers' tags are kept apart, and disagreement shows", async ({ browser }) => {
  const claim = storedClaimId("These same officials made false claims");
  for (const [account, key] of [
    [REVIEWER, "o"],
    [OTHER, "l"],
  ] as const) {
    const a = new AnnotatorPage(await pageAs(browser, account));
    await a.open(DOC);
    await (await a.showItem(claim)).click();
    await a.page.keyboard.press(key);
    await expect(a.detail.locator(".tag-toggle[aria-pressed=true]")).toHaveCount(1);
  }
  const a = new AnnotatorPage(await pageAs(browser, VIEWER));
  await a.open(DOC);
  await expect(await a.showItem(claim)).toContainText("reviewers disagree");
});

test("a viewer can read but every write is refused by the server with a clear message", async ({ browser }) => {
  const a = new AnnotatorPage(await pageAs(browser, VIEWER));
  await a.open(DOC);
  const claim = storedClaimId("The incoming Biden administration");
  // Opened by its link (#claim-<id>), which selects the claim wherever it sits in the list.
  await a.page.goto(`${a.page.url().split("#")[0]}#claim-${claim}`);
  await expect(a.detail).toBeVisible();
  await expect(a.detail.getByRole("button", { name: /statistic/ })).toBeDisabled();
  await a.page.keyboard.press("s");
  await expect(a.notice).toContainText("can read but not change claims");
  await a.page.keyboard.press("2");
  await expect(a.notice).toContainText("can read but not change claims");
  await a.page.reload(); // the URL still names the claim, so it opens selected
  await expect(a.detail.getByLabel("Status")).toHaveValue("proposed");
  await expect(a.detail.locator(".reviewer-tags")).toHaveCount(0);
});

test("the help overlay lists every shortcut and the page has no serious accessibility violation", async ({
  browser,
}) => {
  const a = new AnnotatorPage(await pageAs(browser, REVIEWER));
  await a.open(DOC);
  await a.page.keyboard.press("j");
  await expect(a.detail).toBeVisible();
  const results = await new AxeBuilder({ page: a.page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);

  await a.page.keyboard.press("?");
  const dialog = a.page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const key of ["j / k", "s", "o", "l", "c", "r", "n", "x", "?"])
    await expect(dialog.getByText(key, { exact: true })).toBeVisible();
  await a.page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
