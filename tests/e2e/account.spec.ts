import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ensureAccount, pageAs, signIn } from "./fixtures/accounts";
import { ADMIN_STATE } from "./fixtures/env";

test("a user changes their own password: every session ends, and only the new password signs in", async ({
  browser,
}) => {
  test.setTimeout(120_000); // several sign-ins, each a bcrypt hash, on a shared machine
  const pia = ensureAccount({
    email: "pia@example.test",
    name: "Pia",
    password: "pia's first password",
    role: "viewer",
  });
  const elsewhere = await pageAs(browser, pia);
  const page = await pageAs(browser, pia);

  await page.getByRole("link", { name: /Pia/ }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // A wrong current password is named at its field, which takes the focus; nothing changes.
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("pia's second password");
  await page.getByLabel("New password again").fill("pia's second password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toBeFocused();

  await page.getByLabel("Current password").fill(pia.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin\?password=changed/);
  await expect(page.getByRole("status")).toContainText("Your password is changed and every device is signed out.");

  // The other device is signed out too.
  await elsewhere.goto("/documents");
  await expect(elsewhere).toHaveURL(/\/signin/);

  await page.getByLabel("Email").fill(pia.email);
  await page.getByLabel("Password").fill(pia.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, { ...pia, password: "pia's second password" });
});

test("an admin sets a new password for a user who forgot theirs; it is shown once and signs in", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const quinn = ensureAccount({
    email: "quinn@example.test",
    name: "Quinn",
    password: "quinn's password",
    role: "reviewer",
  });
  const admin = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  await admin.goto("/admin/users");
  const row = admin.locator(`tr[data-user="${quinn.email}"]`);
  await row.getByRole("button", { name: "New password" }).click();
  const confirm = row.getByRole("group", { name: "Confirm a new password for Quinn" });
  await expect(confirm).toContainText("Their sessions end");
  await confirm.getByRole("button", { name: "Set new password" }).click();
  const once = row.locator(".copy-row");
  await expect(once.getByText("New password of Quinn (shown once):")).toBeVisible();
  const password = (await once.locator("code").textContent())!;
  expect(password.length).toBeGreaterThanOrEqual(16);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, { ...quinn, password });
});
