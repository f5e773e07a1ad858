import { expect, test } from "@playwright/test";
import { ADMIN } from "./fixtures/env";

test("pages need a session and send you back after signing in", async ({ page }) => {
  await page.goto("/documents");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdocuments/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error[role=alert]")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error[role=alert]")).toHaveText("Wrong email or password.");
});

test("the right password signs in and out", async ({ page }) => {
  await page.goto("/signin?callbackUrl=%2Fdocuments");
  await page.getByLabel("Email").fill(ADMIN.email.toUpperCase());
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByText(ADMIN.name)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/documents");
  await expect(page).toHaveURL(/\/signin/);
});
