import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ensureAccount, pageAs } from "./fixtures/accounts";
import { AnnotatorPage } from "./fixtures/annotator-page";

// Live collaboration on one app server: two browser contexts on document 001 (no other spec
// writes to it). What A does reaches B's open page without a reload.
const DOC = 1;
const ANA = { email: "ana.live@example.test", name: "Ana", password: "live reviewer 1", role: "reviewer" } as const;
const BEN = { email: "ben.live@example.test", name: "Ben", password: "live reviewer 2", role: "reviewer" } as const;
const SHOTS = "/tmp/shots-live";

test.beforeAll(() => {
  for (const account of [ANA, BEN]) ensureAccount(account);
});

test("A's tag, note and status reach B's page live; B's next edit is not stale; B sees A there until A leaves", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const b = new AnnotatorPage(await pageAs(browser, BEN));
  await b.open(DOC);
  const a = new AnnotatorPage(await pageAs(browser, ANA));
  await a.open(DOC);

  // Presence: B learns that Ana arrived (names, never emails).
  await expect(b.page.locator(".presence")).toHaveText(/Also here: Ana$/, { timeout: 5000 });
  await expect(b.page.locator(".presence")).not.toContainText("@");

  // A opens the first claim and tags it; B has the same claim open.
  await a.page.keyboard.press("j");
  const id = (await a.selectedClaimId())!;
  await (await b.showItem(id)).click();
  await expect(b.detail).toBeVisible();
  await a.page.keyboard.press("s");
  await expect(a.detail.getByRole("button", { name: /statistic/ })).toHaveAttribute("aria-pressed", "true");
  await expect(b.detail.getByRole("list", { name: "Tags by reviewer" })).toContainText("Ana", { timeout: 2000 });

  // A adds a note: B's open thread gains it.
  await a.page.keyboard.press("n");
  await a.page.keyboard.type("Live note from Ana");
  await a.page.keyboard.press("Control+Enter");
  await expect(a.detail).toContainText("Live note from Ana");
  await expect(b.detail).toContainText("Live note from Ana", { timeout: 2000 });

  // A changes the status: B's copy moves to the new version and says who changed it…
  await a.detail.getByLabel("Status").selectOption("disputed");
  await expect(b.detail.getByLabel("Status")).toHaveValue("disputed", { timeout: 2000 });
  await expect(b.notice).toContainText("Changed by Ana just now");
  fs.mkdirSync(SHOTS, { recursive: true });
  await b.page.screenshot({ path: `${SHOTS}/b-after-live-changes.png`, fullPage: false });
  // …so B's own edit right after is made on the current version, not refused as stale.
  await b.detail.getByLabel("Status").selectOption("accepted");
  // (No conflict notice: the notice area may hold nothing at all once the write succeeds.)
  await expect(b.detail.getByLabel("Status")).toHaveValue("accepted");
  await expect(a.detail.getByLabel("Status")).toHaveValue("accepted", { timeout: 2000 });
  await expect(b.page.locator(".notice", { hasText: /changed since|someone else/i })).toHaveCount(0);

  // WCAG A/AA, as the other specs check (the detail's h3 under the page's h1 is axe's best-practice
  // heading-order rule, older than this spec and outside what it adds).
  const axe = await new AxeBuilder({ page: b.page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations).toEqual([]);

  // A leaves: B's presence line goes.
  await a.page.context().close();
  await expect(b.page.locator(".presence")).toHaveCount(0, { timeout: 5000 });
  await b.page.context().close();
});
