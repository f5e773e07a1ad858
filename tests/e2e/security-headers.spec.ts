import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./fixtures/env";

test.use({ storageState: ADMIN_STATE });

test("pages carry a nonce-based CSP without unsafe-inline scripts, and the app still runs under it", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/documents");
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  const scriptSrc = csp
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(scriptSrc).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();

  // A fresh nonce per request.
  const again = (await page.request.get("/documents")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  // Hydrated and interactive under the policy: a key press selects a claim.
  await page.locator(".document-card a").first().click();
  await expect(page.locator(".document-text")).toBeVisible();
  // The claims arrive after first paint; until then the reader is aria-busy and j has nothing to select.
  await expect(page.locator('.reader[aria-busy="false"]')).toBeAttached();
  await page.keyboard.press("j");
  await expect(page.locator('.claim-item[aria-pressed="true"]')).toHaveCount(1);
  expect(violations).toEqual([]);
});
