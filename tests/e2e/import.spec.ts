import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { makeDocx, makePdf } from "../integration/helpers/make-files";
import { ensureAccount, pageAs } from "./fixtures/accounts";
import { AnnotatorPage } from "./fixtures/annotator-page";

// Runs after documents.spec.ts (file order), whose list test counts the five shipped documents.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const REVIEWER = { email: "imra@example.test", password: "import reviewer password", role: "reviewer" as const };
const VIEWER = { email: "vera@example.test", password: "import viewer password", role: "viewer" as const };

const FIRST = "The sheriff's office signed the agreement in 2019 and trained 12 deputies that year.";
const SECOND = "Critics say the program makes victims of crime less willing to call the police.";

async function upload(page: Page, name: string, buffer: Buffer, title?: string) {
  await page.goto("/documents/new");
  await page.getByLabel("File").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
  if (title) await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Add document" }).click();
}

/** The reading view's paragraphs, as text. */
async function paragraphs(page: Page): Promise<string[]> {
  await expect(page.locator(".document-text")).toBeVisible();
  return page.locator(".document-text .para > p").allTextContents();
}

test("a reviewer uploads each format and reads its text in paragraphs", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, ensureAccount(REVIEWER));
  await page.goto("/documents");
  await page.getByRole("link", { name: "Add document" }).click();
  await expect(page.getByRole("heading", { name: "Add document" })).toBeVisible();

  const files: [string, Buffer, string[]][] = [
    [
      "notes.txt",
      Buffer.from(`\uFEFFPlain text title\r\n\r\n${FIRST}  \r\n\r\n\r\n${SECOND}\r\n`),
      ["Plain text title", FIRST, SECOND],
    ],
    [
      "notes.md",
      Buffer.from(`# Markdown title\n\n- **bold** item\n- second item\n\n${FIRST} 1`),
      ["# Markdown title", "- **bold** item\n- second item", `${FIRST} 1`],
    ],
    [
      "page.html",
      Buffer.from(
        `<html><head><title>Web page</title><script>window.bad = 1</script></head><body><nav>Home · About</nav><article><h1>Web page</h1><p>${FIRST} 2</p><p>${SECOND} <a href="javascript:alert(1)">link</a></p></article><footer>© footer</footer></body></html>`,
      ),
      [`${FIRST} 2`, `${SECOND} link`],
    ],
    ["report.pdf", await makePdf([[`${FIRST} 3`, SECOND]], { Title: "A PDF report" }), [`${FIRST} 3`, SECOND]],
    ["memo.docx", makeDocx([`${FIRST} 4`, SECOND], { title: "A Word memo" }), [`${FIRST} 4`, SECOND]],
  ];
  for (const [name, buffer, expected] of files) {
    await upload(page, name, buffer);
    await expect(page).toHaveURL(/\/documents\/\d{3}-/);
    expect(await paragraphs(page), name).toEqual(expected);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A Word memo");
});

test("while an import runs the form shows an indeterminate bar, the file, its steps and the time elapsed", async ({
  browser,
}) => {
  const page = await pageAs(browser, ensureAccount(REVIEWER));
  // The server action answers in well under a second here: hold its request back so the
  // progress can be looked at (and checked with axe) as a long PDF's would be.
  await page.route("**/documents/new", async (route) => {
    if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 2_500));
    await route.continue();
  });
  await page.goto("/documents/new");
  await page
    .getByLabel("File")
    .setInputFiles({ name: "slow.txt", mimeType: "text/plain", buffer: Buffer.from(`Slow import\n\n${FIRST} 5`) });
  await page.getByLabel(/Suggest claims/).check();
  await page.getByRole("button", { name: "Add document" }).click();
  const bar = page.getByRole("progressbar", { name: /^Importing “slow\.txt” \(1 KB\): .* then suggest claims\.$/ });
  await expect(bar).toBeVisible();
  await expect(page.getByRole("status")).toContainText("upload and read the text, then store it");
  await expect(page.locator(".import-progress")).toContainText(/\d+ s so far/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await expect(page).toHaveURL(/\/documents\/\d{3}-slow-import$/);
});

test("pasted text is imported; the same text again is refused naming the document; hostile files get a message", async ({
  browser,
}) => {
  const page = await pageAs(browser, ensureAccount(REVIEWER));
  await page.goto("/documents/new");
  await page.getByLabel("Or paste text").fill(`Pasted op-ed 😀\n\n${SECOND} (pasted)`);
  await page.getByLabel("Title").fill("Pasted op-ed");
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page).toHaveURL(/\/documents\/\d{3}-pasted-op-ed$/);
  expect(await paragraphs(page)).toEqual(["Pasted op-ed 😀", `${SECOND} (pasted)`]);

  await page.goto("/documents/new");
  await page.getByLabel("Or paste text").fill(`Pasted op-ed 😀\r\n\r\n${SECOND} (pasted)   \r\n`);
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page.locator(".form-error")).toContainText('This text is already stored as "Pasted op-ed" (/documents/');

  await upload(page, "empty.txt", Buffer.alloc(0));
  await expect(page.locator(".form-error")).toContainText("The file is empty (0 bytes).");
  await upload(page, "photo.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x00]));
  await expect(page.locator(".form-error")).toContainText(/binary data|not UTF-8/);
  await upload(page, "scan.pdf", await makePdf([[]]));
  await expect(page.locator(".form-error")).toContainText("no text layer");

  // Over the limit: refused before it is sent, the button disabled.
  await page
    .getByLabel("File")
    .setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(21 * 1024 * 1024, 0x61) });
  await expect(page.locator(".form-error")).toContainText("the limit is 20 MB");
  await expect(page.getByRole("button", { name: "Add document" })).toBeDisabled();
});

test("a file between Next's default limits and ours (15 MB) reaches the action whole", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, ensureAccount(REVIEWER));
  const line = `${FIRST}\n\n`;
  const big = Buffer.from(`Large upload\n\n${line.repeat(Math.ceil((15 * 1024 * 1024) / line.length))}`);
  await upload(page, "large.txt", big);
  // Over the 3,000,000-character text limit: refused by the parser, which proves the whole body arrived
  // (a body truncated at 10 MB by the proxy would be refused differently or imported cut).
  // Sending and reading 15 MB takes more than the default 5 s on a loaded 2-core machine.
  await expect(page.locator(".form-error")).toContainText(
    /The text is 1[5-9],\d{3},\d{3} characters long; the limit is 3,000,000/,
    { timeout: 30_000 },
  );
});

test("a viewer sees no Add document link and gets the 403 page", async ({ browser }) => {
  const page = await pageAs(browser, ensureAccount(VIEWER));
  await expect(page.getByRole("link", { name: "Add document" })).toHaveCount(0);
  const response = await page.goto("/documents/new");
  expect(response?.status()).toBe(403);
});

// FIXME: creating the claims by mouse selection fails here ("Select some text in the document
// first") although the same helper works in annotate.spec; not yet understood. The version,
// banner and queue logic is covered by tests/unit/document-versions.test.ts meanwhile.
test("a new version re-anchors the claims; fuzzy and orphaned ones are settled from the queue", async ({ browser }) => {
  test.setTimeout(120_000);
  const a = new AnnotatorPage(await pageAs(browser, ensureAccount(REVIEWER)));
  const { page } = a;
  await page.goto("/documents/new");
  await page
    .getByLabel("Or paste text")
    .fill(
      "Versioned report\n\nThe county trained 12 deputies in 2019.\n\nThe program cost 3 million dollars last year.\n\nCritics call the program divisive.",
    );
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page).toHaveURL(/\/documents\/\d{3}-versioned-report$/);
  const url = page.url();
  // A fresh load: the selection-based commands need the annotator hydrated, which a client
  // navigation from the form does not wait for.
  await page.goto(url, { waitUntil: "networkidle" });
  await expect(page.locator(".document-text")).toBeVisible();
  for (const phrase of ["trained 12 deputies in 2019", "cost 3 million dollars", "call the program divisive"]) {
    await a.selectWithMouse(phrase);
    await page.keyboard.press("c");
    await expect(a.notice).toContainText("Claim created.");
  }

  await page.getByRole("link", { name: "Upload a new version" }).click();
  await expect(page.getByRole("heading", { name: "New version of “Versioned report”" })).toBeVisible();
  await page
    .getByLabel("Or paste text")
    .fill(
      "Versioned report\n\nAn editor's update: the program was renewed.\n\nThe county trained 12 deputies in 2019.\n\nThe program cost 4 million dollars last year.",
    );
  await page.getByRole("button", { name: "Upload new version" }).click();
  await expect(page).toHaveURL(url);
  await expect(page.locator(".version-banner")).toContainText(
    "Version 2. Claims carried over from the previous text: 0 unchanged, 1 moved, 1 fuzzy (to confirm), 1 orphaned. 2 wait for a reviewer below.",
  );
  const queue = page.locator(".anchor-queue li");
  await expect(queue).toHaveCount(2);
  // The orphaned claim is not drawn anywhere in the new text; the fuzzy one is, on its new words.
  // (Highlights are painted ranges, one gutter badge per painted claim.)
  await expect(page.locator(".document-text .claim-badge")).toHaveCount(2);

  await queue.filter({ hasText: "Fuzzy" }).getByRole("button", { name: "Confirm passage" }).click();
  await expect(queue).toHaveCount(1);
  await a.selectWithMouse("the program was renewed");
  await queue.filter({ hasText: "Orphaned" }).getByRole("button", { name: "Use selected text" }).click();
  await expect(page.locator(".anchor-queue")).toHaveCount(0);
  await expect(page.locator(".document-text .claim-badge")).toHaveCount(3);
});

test("suggested claims of an import are accepted, adjusted and rejected by keyboard", async ({ browser }) => {
  const a = new AnnotatorPage(await pageAs(browser, ensureAccount(REVIEWER)));
  const { page } = a;
  await page.goto("/documents/new");
  await page
    .getByLabel("Or paste text")
    .fill(
      [
        "Suggestions report",
        "The county trained 48 deputies in 2021 and spent $1.2 million on the program. Arrests rose by 15 percent.",
        "Under Section 287(g) of the Immigration and Nationality Act, ICE may delegate authority to local officers.",
        "This program is a disastrous, shameful waste that terrifies families.",
      ].join("\n\n"),
    );
  await page.getByLabel(/Suggest claims/).check();
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page).toHaveURL(/\/documents\/\d{3}-suggestions-report$/);
  await page.goto(page.url(), { waitUntil: "networkidle" });
  const queue = page.getByRole("region", { name: "Suggested claims" });
  await expect(queue).toBeVisible();
  const pending = async () => Number((await queue.locator(".count").textContent())!.split(" ")[0]);
  const total = await pending();
  expect(total).toBeGreaterThanOrEqual(3);
  const count = page.locator(".panel-title .count");
  await expect(count).toHaveText("0");

  // a: the first suggestion becomes a claim, created by this reviewer, with its suggested tag.
  const first = await queue.locator(".detail-quote").textContent();
  await page.keyboard.press("a");
  await expect(a.notice).toContainText("Suggestion accepted");
  await expect(count).toHaveText("1");
  await expect(page.locator(".claim-item .claim-exact").first()).toHaveText(first!);
  await expect(queue.locator(".count")).toHaveText(`${total - 1} pending`);

  // v then ← then Enter: accepted on a passage one word shorter.
  const second = (await queue.locator(".detail-quote").textContent())!;
  await page.keyboard.press("v");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect(count).toHaveText("2");
  await expect(
    page.locator(".claim-item .claim-exact", { hasText: second.split(" ").slice(0, 3).join(" ") }),
  ).toHaveCount(1);

  // d rejects the next one; it does not come back after a reload.
  await a.detail.getByRole("button", { name: "Close claim" }).click();
  const third = (await queue.locator(".detail-quote").textContent())!;
  await page.keyboard.press("d");
  await expect(a.notice).toContainText("Suggestion rejected.");
  await page.reload();
  await expect(page.locator(".panel-title .count")).toHaveText("2");
  if (await queue.isVisible()) await expect(queue.locator(".detail-quote")).not.toHaveText(third);
});
