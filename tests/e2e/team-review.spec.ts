import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { ensureAccount, pageAs } from "./fixtures/accounts";
import { AnnotatorPage } from "./fixtures/annotator-page";
import { readStoredClaims } from "./fixtures/stored-claims";

// Two reviewers tag the same three claims of document 004 independently; a curator reads
// their κ on the agreement page and settles their disagreements from the keyboard.
const DOC = 4;
const ANN = {
  email: "ann.team@example.test",
  name: "Ann Team",
  password: "ann's password 1",
  role: "reviewer",
} as const;
const BEN = {
  email: "ben.team@example.test",
  name: "Ben Team",
  password: "ben's password 1",
  role: "reviewer",
} as const;
const CUR = {
  email: "cora.curator@example.test",
  name: "Cora Curator",
  password: "cora's password 1",
  role: "curator",
} as const;
const SHOTS = process.env.SHOTS_DIR;

test.describe.configure({ mode: "serial" });

let claims: string[];
test.beforeAll(() => {
  for (const account of [ANN, BEN, CUR]) ensureAccount(account);
  const all = readStoredClaims().filter((c) => c.document.startsWith("004"));
  claims = all.slice(-3).map((c) => c.id);
});

async function tag(page: Page, claimId: string, key: string, label: RegExp) {
  await page.goto(`${page.url().split("#")[0]}#claim-${claimId}`);
  // The claim named by the new hash, not the one still open from the last tag: a key pressed
  // before the hash change is handled would tag that one.
  const detail = page.locator(`.claim-detail[data-claim-id="${claimId}"]`);
  await expect(detail).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press(key);
  await expect(detail.getByRole("button", { name: label })).toHaveAttribute("aria-pressed", "true");
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("two reviewers tag, the curator reads κ and adjudicates a disagreement by keyboard", async ({ browser }) => {
  test.setTimeout(120_000);
  // The curator assigns the document to both reviewers on the progress page.
  const curator = await pageAs(browser, CUR);
  await curator.getByRole("link", { name: "Progress", exact: true }).click();
  const title = (await curator.getByLabel("Document").locator("option").nth(DOC).textContent())!;
  for (const name of [ANN.name, BEN.name]) {
    await curator.getByLabel("Document").selectOption({ index: DOC });
    await curator
      .getByLabel("Reviewer")
      .selectOption({ label: `${name} (${name === ANN.name ? ANN.email : BEN.email})` });
    await curator.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(curator.getByRole("listitem").filter({ hasText: name }).first()).toContainText("0 / ");
  }
  await expectNoSeriousAxeViolations(curator);
  await shoot(curator, "progress-1280");

  // Ann: statistic, statistic, opinion. Ben: opinion, statistic, opinion.
  // By hand: pₒ = 2/3; Ann S2 O1, Ben S1 O2 → pₑ = (2·1 + 1·2)/9 = 4/9 → κ = (2/9)/(5/9) = 0.40.
  for (const [account, keys] of [
    [ANN, ["s", "s", "o"]],
    [BEN, ["o", "s", "o"]],
  ] as const) {
    const a = new AnnotatorPage(await pageAs(browser, account));
    await a.open(DOC);
    for (const [i, key] of keys.entries()) await tag(a.page, claims[i], key, key === "s" ? /statistic/ : /opinion/);
    // Tags show at once (optimistic): leave the page only once the server has stored all three.
    await expect
      .poll(
        () =>
          readStoredClaims().filter(
            (c) => claims.slice(0, 3).includes(c.id) && c.reviewerTags.some((t) => t.reviewer === account.email),
          ).length,
        { timeout: 15_000 },
      )
      .toBe(3);
    // Their work list shows the document with three claims tagged; they mark it done.
    await a.page.getByRole("link", { name: "My work", exact: true }).click();
    const card = a.page.getByRole("listitem").filter({ hasText: title });
    await expect(card).toContainText("3 / ");
    await card.getByRole("button", { name: "Mark done" }).click();
    await expect(card).toContainText("✓ done");
    if (account === ANN) {
      await expectNoSeriousAxeViolations(a.page);
      await shoot(a.page, "my-work-1280");
    }
    await a.page.context().close();
  }

  await curator.reload();
  await expect(curator.getByRole("listitem").filter({ hasText: ANN.name }).first()).toContainText("✓ done");
  await curator.context().close();

  const page = await pageAs(browser, CUR);
  await page.getByRole("link", { name: "Agreement", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Agreement", level: 1 })).toBeVisible();
  const matrix = page.getByRole("table", { name: "Cohen's κ for each pair of reviewers" });
  await expect(matrix.getByRole("row", { name: /^Ann Team/ })).toContainText("0.40");
  await expect(matrix).toContainText("fair · n 3");
  await expect(page.locator(`a[href$="#claim-${claims[0]}"]`)).toBeVisible();
  await expect(page.locator("body")).not.toContainText("NaN");
  await expectNoSeriousAxeViolations(page);
  await shoot(page, "agreement-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, "agreement-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  // The document's own curation view (the corpus-wide one also lists disagreements other specs made).
  await page.goto("/documents");
  const href = (await page.locator(".document-card").nth(DOC).getByRole("link").first().getAttribute("href"))!;
  await page.goto(`/curate?document=${href.split("/").pop()}`);
  await expect(page.getByText("Disagreement 1 of 1")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shoot(page, "curate-1280");
  // Ben is reviewer 2 (names in order): accept his tags, which fills the reason; Enter saves.
  await page.keyboard.press("2");
  await expect(page.getByRole("button", { name: /opinion/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel(/Reason/)).toHaveValue("Agree with Ben Team.");
  await page.keyboard.press("r");
  await page.keyboard.type(" The sentence judges, it does not count.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status")).toContainText("Verdict saved: opinion, accepted.");
  await expect(page.getByText("1 with a verdict, 0 to go")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, "curate-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  // The annotator shows the verdict apart from the reviewers' tags.
  const a = new AnnotatorPage(page);
  await a.open(DOC);
  await page.goto(`${page.url().split("#")[0]}#claim-${claims[0]}`);
  await expect(page.locator(".claim-detail")).toContainText(/Final \(curator\):.*opinion.*Agree with Ben Team\./);
});
