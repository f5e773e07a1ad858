import { expect, test } from "@playwright/test";
import { ensureAccount, pageAs } from "./fixtures/accounts";
import { AnnotatorPage } from "./fixtures/annotator-page";
import { ADMIN, ADMIN_STATE } from "./fixtures/env";
import { readStoredClaims } from "./fixtures/stored-claims";

test.describe.configure({ mode: "serial" });

test("an admin adds a user, changes their role and deactivates them; each change applies at once", async ({
  browser,
}) => {
  test.setTimeout(90_000); // three sign-ins and a CLI call on a shared machine
  const admin = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  await admin.goto("/admin/users");
  await admin.getByLabel("Name").fill("Nia New");
  await admin.getByLabel("Email").fill("nia@example.test");
  await admin.getByLabel("Role", { exact: true }).selectOption("reviewer");
  await admin.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Created nia@example.test" })).toBeVisible();
  // The one-time password sits beside its label, with a copy button.
  const once = admin.locator(".copy-row").filter({ hasText: "Password (shown once):" });
  const password = (await once.locator("code").textContent())!;
  expect(password.length).toBeGreaterThanOrEqual(16);
  await admin.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await once.getByRole("button", { name: "Copy the password of nia@example.test" }).click();
  await expect(once.getByRole("status")).toHaveText("Copied.");
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(password);

  // Bad input is named.
  await admin.getByLabel("Name").fill("Dup");
  await admin.getByLabel("Email").fill("nia@example.test");
  await admin.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByText("An account with the email nia@example.test already exists.")).toBeVisible();

  const nia = new AnnotatorPage(await pageAs(browser, { email: "nia@example.test", password, role: "reviewer" }));
  await nia.open(0);
  const claim = readStoredClaims().find((c) => c.document.startsWith("000"))!;
  await nia.item(claim.id).click();

  await admin.reload();
  const row = admin.locator('tr[data-user="nia@example.test"]');
  await admin.getByLabel("Role of Nia New").selectOption("viewer");
  // Nothing is saved until the change is confirmed; Cancel puts the old role back.
  const confirm = row.getByRole("group", { name: "Confirm the change to Nia New" });
  await expect(confirm).toContainText("Change Nia New’s role from reviewer to viewer?");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(admin.getByLabel("Role of Nia New")).toHaveValue("reviewer");
  await admin.getByLabel("Role of Nia New").selectOption("viewer");
  await confirm.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved: Nia New is now viewer.");
  await expect(admin.getByLabel("Role of Nia New")).toHaveValue("viewer");
  await nia.page.waitForTimeout(300);
  await nia.page.keyboard.press("o");
  // A role change ends the user's sessions: Nia signs in again under her new role.
  await expect(nia.notice).toContainText("Your session has ended");

  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(confirm).toContainText("Deactivate Nia New? They are signed out at once");
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved: Nia New is inactive.");
  await expect(row).toContainText("inactive");
  await nia.page.goto("/documents");
  await expect(nia.page).toHaveURL(/\/signin/);
});

test("the last admin cannot remove their own admin role", async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  await admin.goto("/admin/users");
  await admin.getByLabel(`Role of ${ADMIN.name}`).selectOption("reviewer");
  await admin.getByRole("button", { name: "Save role" }).click();
  await expect(admin.locator(".field-error[role=alert]")).toContainText("At least one active admin must remain");
  await expect(admin.getByLabel(`Role of ${ADMIN.name}`)).toHaveValue("admin");
  await admin.reload();
  await expect(admin.getByLabel(`Role of ${ADMIN.name}`)).toHaveValue("admin");
});

test("admin pages are refused to other roles", async ({ browser }) => {
  test.setTimeout(90_000); // a CLI call and a sign-in on a shared machine
  const reviewer = ensureAccount({
    email: "rex.reviewer@example.test",
    password: "reviewer password 9",
    role: "reviewer",
  });
  const page = await pageAs(browser, reviewer);
  for (const path of ["/admin/users", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not for your account" })).toBeVisible();
  }
});

test("every change is in the audit log, and a claim's earlier version can be restored", async ({ browser }) => {
  const reviewer = ensureAccount({
    email: "rex.reviewer@example.test",
    password: "reviewer password 9",
    role: "reviewer",
  });
  const claim = readStoredClaims().find((c) => c.document.startsWith("004"))!;
  const a = new AnnotatorPage(await pageAs(browser, reviewer));
  await a.open(4);
  await a.item(claim.id).click();
  await a.page.keyboard.press("4");
  await expect(a.detail.getByLabel("Status")).toHaveValue("rejected");

  const admin = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  await admin.goto(`/admin/audit?claim=${claim.id}`);
  const change = admin.locator('tr[data-action="claim.set-status"]').first();
  await expect(change).toContainText("rex.reviewer@example.test");
  // A sentence: who did what to which claim (its passage, linked), before → after in words.
  await expect(change.locator(".audit-sentence")).toContainText("rex.reviewer changed the status of claim “");
  await expect(change.locator(".audit-sentence").getByRole("link")).toHaveAttribute(
    "href",
    new RegExp(`/documents/[^#]+#claim-${claim.id}$`),
  );
  await expect(change.locator(".audit-changes")).toHaveText(/status: proposed\s*→\s*changed to rejected/);
  // The stored JSON only behind "details".
  await expect(change.locator("pre").first()).toBeHidden();
  await change.getByText("details").click();
  await expect(change.locator("pre").last()).toContainText('"status": "rejected"');
  // Restoring asks first.
  await change.getByRole("button", { name: "Restore this version" }).click();
  const restore = change.getByRole("group", { name: "Confirm restore" });
  await expect(restore).toContainText("Put the claim back as it was before this change?");
  await restore.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(change.getByRole("status")).toHaveText(/Restored\./);
  await admin.reload();
  await expect(admin.locator('tr[data-action="claim.restore-version"]')).toHaveCount(1);
  await expect(admin.locator(".notice")).toContainText("proposed");

  // Filter by user.
  await admin.goto("/admin/audit");
  await admin.getByLabel("User").selectOption({ label: "rex.reviewer (rex.reviewer@example.test)" });
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.locator("tbody tr")).not.toHaveCount(0);
  for (const row of await admin.locator("tbody tr td:nth-child(2)").allTextContents())
    expect(row).toContain("rex.reviewer@example.test");
});

test("repeated wrong passwords lock the account from that address for a while, with a clear message", async ({
  page,
}) => {
  const victim = ensureAccount({ email: "tara.target@example.test", password: "the real password", role: "viewer" });
  await page.goto("/signin");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(victim.email);
    await page.getByLabel("Password").fill(`guess number ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".form-error[role=alert]")).toHaveText("Wrong email or password.");
  }
  await page.getByLabel("Password").fill(victim.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-error[role=alert]")).toHaveText(
    /Too many sign-in attempts\. Try again in 15 minutes\./,
  );
});
