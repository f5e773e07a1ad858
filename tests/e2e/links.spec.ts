import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./fixtures/env";
import { readStoredClaims } from "./fixtures/stored-claims";

test.use({ storageState: ADMIN_STATE });

const SHOTS = process.env.LINKS_SHOTS_DIR;

// The seed runs link detection: document 002 ties the assault count to Fiscal Year 2020,
// document 003 the same 920 to October 2017 – September 2020.
test("claims across documents: Also in, follow it, confirm the link, dismiss its flag, see Discrepancies", async ({
  page,
}) => {
  const claims = readStoredClaims();
  const fy2020 = claims.find((c) => c.document.startsWith("002") && c.exact === "920 for convicted for assault")!;
  const range = claims.find((c) => c.document.startsWith("003") && c.exact.includes("approximately 920"))!;

  await page.goto("/discrepancies");
  await expect(page.getByRole("heading", { name: "Discrepancies", level: 1 })).toBeVisible();
  const card = page
    .locator(".link-card", { hasText: "920 for convicted for assault" })
    .filter({ hasText: "Same figure" });
  await expect(card).toHaveCount(1);
  await expect(card.locator(".link-flag", { hasText: "Period differs" })).toContainText("FY 2020");
  await expect(card.locator("mark.diff-word", { hasText: "approximately" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(
    axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/discrepancies-1280.png`, fullPage: false });

  // Open the FY 2020 claim in its document: the detail says where else it appears.
  await card.locator(".link-version", { hasText: "920 for convicted" }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`#claim-${fy2020.id}$`));
  const detail = page.locator(".claim-detail");
  const alsoIn = detail.locator(".also-in");
  await expect(alsoIn).toContainText("Also in:");
  await expect(detail.locator(".claim-links .link-flag", { hasText: "period" }).first()).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/claim-also-in-1280.png` });

  // Follow it to the other document's version.
  await alsoIn.getByRole("link", { name: /Prioritizing/ }).click();
  await expect(page).toHaveURL(new RegExp(`#claim-${range.id}$`));
  await expect(page.locator(".claim-detail .detail-quote")).toContainText("approximately 920");

  // Confirm the suggested link, then dismiss its period flag with a reason.
  await page.goto("/discrepancies");
  const same = page
    .locator(".link-card", { hasText: "920 for convicted for assault" })
    .filter({ hasText: "Same figure" });
  await same.getByRole("button", { name: "Confirm link" }).click();
  await expect(same.locator(".link-state")).toHaveText("confirmed");
  const period = same.locator(".link-flag", { hasText: "Period differs" });
  await period.getByRole("button", { name: "Dismiss…" }).click();
  await period
    .getByLabel("Why does this flag not hold?")
    .fill("002 reports FY 2020 alone; 003 misattributes the same counts to three years — noted in the claim.");
  await period.getByRole("button", { name: "Dismiss flag" }).click();
  await expect(same.locator(".link-flag-dismissed", { hasText: "Period differs (dismissed)" })).toContainText(
    "misattributes",
  );

  // Search: linked claims, with a one-click chip; the FY 2020 assault claim is among them.
  await page.goto("/search?q=linked%3Ayes");
  await expect(page.locator(".search-count")).toHaveText(/^\d+ claims match\.$/);
  await expect(page.getByRole("link", { name: "Remove filter: linked across documents" })).toBeVisible();
  await expect(page.locator(`.result[data-claim-id="${fy2020.id}"]`)).toBeVisible();

  await page.goto("/discrepancies");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Discrepancies", level: 1 })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/discrepancies-390.png` });
});
