import { expect, test } from "@playwright/test";
import { ensureAccount, pageAs } from "./fixtures/accounts";
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

test("the right password signs in and out, and signing out ends the session everywhere", async ({ page, browser }) => {
  test.setTimeout(90_000); // two sign-ins and a CLI call
  // Not the admin: signing out ends every session of the account, the saved admin state's too.
  const vera = ensureAccount({
    email: "vera.signout@example.test",
    name: "Vera Signout",
    password: "vera's password 1",
    role: "viewer",
  });
  const otherDevice = await pageAs(browser, vera);
  await page.goto("/signin?callbackUrl=%2Fdocuments");
  await page.getByLabel("Email").fill(vera.email.toUpperCase());
  await page.getByLabel("Password").fill(vera.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByText("Vera Signout")).toBeVisible();
  const copiedCookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/documents");
  await expect(page).toHaveURL(/\/signin/);
  // A cookie copied before the sign-out, and the other device's, no longer work.
  await page.context().addCookies(copiedCookies);
  await page.goto("/documents");
  await expect(page).toHaveURL(/\/signin/);
  await otherDevice.goto("/documents");
  await expect(otherDevice).toHaveURL(/\/signin/);
});
