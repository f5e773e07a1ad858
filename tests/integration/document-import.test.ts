import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuplicateDocumentError, editDocumentMetadata, importDocument } from "@/lib/db/document-imports";
import { createUser } from "@/lib/db/users";
import { parseDocumentFile, parsePastedText } from "@/lib/documents/parse-document";
import { seedCorpus } from "@/lib/seed/seed-corpus";
import { makeDocx, makePdf } from "./helpers/make-files";
import { claims as runCli } from "./helpers/run-cli";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedCorpus(t.db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-import-"));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `npm run claims -- …` in process (helpers/run-cli.ts); cli.test.ts keeps one real process. */
const claims = (...args: string[]) => runCli(t.url, ...args);

describe("importing a document", () => {
  it("stores the text, both hashes, the first version and the audit event, numbered after the corpus", async () => {
    const admin = await createUser(
      t.db,
      { email: "a@example.test", name: "Ada", role: "admin", password: "long enough password" },
      null,
    );
    const imported = parsePastedText("A pasted op-ed\r\n\r\nIt claims 42 things 😀.");
    const doc = await importDocument(t.db, admin.id, imported, { author: "Pat", originalName: undefined });
    expect(doc.fileName).toMatch(/^005_[0-9a-f]{16}\.txt$/);
    expect(doc.slug).toBe("005-a-pasted-op-ed");
    const row = await t.db.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row).toMatchObject({
      title: "A pasted op-ed",
      author: "Pat",
      text: "A pasted op-ed\n\nIt claims 42 things 😀.",
      format: "pasted",
      versionNumber: 1,
      sha256: imported.sha256,
      originalSha256: imported.originalSha256,
    });
    expect(
      await t.db.documentVersion.count({ where: { documentId: doc.id, number: 1, sha256: imported.sha256 } }),
    ).toBe(1);
    expect(
      await t.db.auditEvent.count({ where: { action: "document.import", documentId: doc.id, actorId: admin.id } }),
    ).toBe(1);
  });

  it("refuses a text already stored, naming the document, and writes nothing", async () => {
    const shipped = await t.db.document.findFirstOrThrow({ where: { fileName: { startsWith: "002" } } });
    const before = await t.db.document.count();
    const e = await importDocument(t.db, null, parsePastedText(`${shipped.text}\n\n\n`), {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DuplicateDocumentError);
    expect((e as Error).message).toBe(
      `This text is already stored as "${shipped.title}" (/documents/${shipped.slug}).`,
    );
    expect(await t.db.document.count()).toBe(before);
    expect(await t.db.auditEvent.count({ where: { action: "document.import", documentId: null } })).toBe(0);
  });

  it("takes the file's metadata unless given, and an admin's edit is audited", async () => {
    const docx = makeDocx(["A memo about the program with a figure of 51,000 removals."], {
      title: "The memo",
      creator: "M. Author",
      created: "2021-06-01T00:00:00Z",
    });
    const doc = await importDocument(t.db, null, await parseDocumentFile("memo.docx", docx), {
      publication: "Agency",
      originalName: "memo.docx",
    });
    const row = await t.db.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row).toMatchObject({
      title: "The memo",
      author: "M. Author",
      publication: "Agency",
      publishedOn: "2021-06-01",
      format: "docx",
      originalName: "memo.docx",
    });
    const admin = await t.db.user.findFirstOrThrow({ where: { role: "admin" } });
    await editDocumentMetadata(t.db, admin.id, {
      documentId: doc.id,
      title: "The memo, corrected",
      author: "M. Author",
      publication: undefined,
      date: "2021-06-02",
      sourceUrl: "https://example.org/memo",
    });
    expect(await t.db.document.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({
      title: "The memo, corrected",
      publication: null,
      publishedOn: "2021-06-02",
      sourceUrl: "https://example.org/memo",
    });
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "document.edit-metadata", documentId: doc.id },
    });
    expect(JSON.parse(event.before!)).toMatchObject({ title: "The memo", publication: "Agency" });
  });
});

describe("claims documents add", () => {
  it("imports a PDF with the flags' metadata and prints where it went", async () => {
    const file = path.join(dir, "county-report.pdf");
    fs.writeFileSync(
      file,
      await makePdf([["The county report says 300 deputies were trained in 2022."], ["A second page."]], {
        Title: "Info title",
      }),
    );
    const r = await claims(
      "documents",
      "add",
      file,
      "--title",
      "County report",
      "--date",
      "2022-12-01",
      "--source-url",
      "https://example.org/r.pdf",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported county-report\.pdf as "County report" \(\d{3}-county-report\): /);
    const row = await t.db.document.findFirstOrThrow({ where: { originalName: "county-report.pdf" } });
    expect(row).toMatchObject({
      title: "County report",
      publishedOn: "2022-12-01",
      sourceUrl: "https://example.org/r.pdf",
      format: "pdf",
      text: "The county report says 300 deputies were trained in 2022.\n\nA second page.",
    });
    const again = await claims("documents", "add", file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`error: This text is already stored as "County report" (/documents/${row.slug}).`);
  });

  it("refuses bad flags, a missing file and a hostile file with a message, changing nothing", async () => {
    const before = await t.db.document.count();
    expect((await claims("documents", "add", "x.txt", "--date", "2022-13-45")).stderr).toContain(
      "--date: is not a real date",
    );
    expect((await claims("documents", "add", "x.txt", "--source-url", "javascript:alert(1)")).stderr).toContain(
      "--source-url: must be an http(s) URL",
    );
    expect((await claims("documents", "add", path.join(dir, "missing.txt"))).stderr).toContain("no such file");
    const empty = path.join(dir, "empty.txt");
    fs.writeFileSync(empty, "");
    const r = await claims("documents", "add", empty);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: The file is empty (0 bytes).");
    expect(await t.db.document.count()).toBe(before);
  });
});

describe("claims documents add --version-of", () => {
  it("stores a new version of a stored document and prints how its claims were carried over", async () => {
    const shipped = await t.db.document.findFirstOrThrow({ where: { fileName: { startsWith: "004" } } });
    const file = path.join(dir, "004-v2.txt");
    fs.writeFileSync(file, `Editor's note: updated.\n\n${shipped.text}`);
    const r = await claims("documents", "add", file, "--version-of", `prisma/seed/documents/${shipped.fileName}`);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(
      new RegExp(
        `^version 2 of "${shipped.title}" \\(${shipped.slug}\\): \\d+ claim\\(s\\) unchanged, \\d+ moved, \\d+ fuzzy \\(to confirm\\), 0 orphaned`,
      ),
    );
    const listed = JSON.parse((await claims("list", "--json")).stdout) as { document: string; anchor: string }[];
    const states = new Set(listed.filter((c) => c.document === shipped.fileName).map((c) => c.anchor));
    expect([...states].every((s) => ["unchanged", "moved", "fuzzy"].includes(s))).toBe(true);
    expect((await claims("documents", "add", file, "--version-of", "no-such-document")).stderr).toContain(
      "no such document",
    );
  });
});

describe("claims documents add --suggest", () => {
  it("suggests claims for a new document, then for a new version only what is not covered yet", async () => {
    const v1 = "Town budget\n\nThe town spent $4 million on roads in 2023. The council should fix the bridge first.";
    const file = path.join(dir, "budget.txt");
    fs.writeFileSync(file, v1);
    const first = await claims("documents", "add", file, "--suggest");
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/^2 new suggested claim\(s\); 2 wait for a reviewer's decision$/m);
    const row = await t.db.document.findFirstOrThrow({ where: { originalName: "budget.txt" } });
    const v2 = path.join(dir, "budget-v2.txt");
    fs.writeFileSync(v2, `${v1}\n\nThe town hired 12 new engineers in 2024.`);
    const second = await claims("documents", "add", v2, "--version-of", row.slug, "--suggest");
    expect(second.stderr).toBe("");
    expect(second.stdout).toContain("2 pending suggestion(s) carried over, 0 dropped");
    expect(second.stdout).toMatch(/^1 new suggested claim\(s\); 3 wait for a reviewer's decision$/m);
  });
});

describe("an imported document in search and the W3C export", () => {
  it("is searched and exported like a shipped one, its positions counted in code points past emoji", async () => {
    const { createClaim } = await import("@/lib/db/claim-writes");
    const { findMatchingClaims } = await import("@/lib/db/search");
    const { annotationsOf, exportText } = await import("./export/export-helpers");
    const reviewer = await createUser(
      t.db,
      { email: "e@example.test", name: "Emi", role: "reviewer", password: "long enough password" },
      null,
    );
    const text = "Emoji report 📣\n\n😀😀 The county trained 12 deputies in 2019. 🚓 Critics call it divisive.";
    const doc = await importDocument(t.db, reviewer.id, parsePastedText(text), {});
    const stored = (await t.db.document.findUniqueOrThrow({ where: { id: doc.id } })).text;
    const exact = "trained 12 deputies in 2019";
    const at = stored.indexOf(exact); // UTF-16 code units, as the app stores offsets
    const claim = await createClaim(t.db, reviewer.id, { documentId: doc.id, start: at, end: at + exact.length });

    expect((await findMatchingClaims(t.db, "deputies")).map((c) => c.claimId)).toContain(claim.id);

    const collection = JSON.parse(await exportText(t.db, "jsonld", { kind: "document", document: doc.slug }));
    const annotation = annotationsOf(collection).find((a) => String(a.id).endsWith(claim.id))!;
    const selectors = (annotation.target as { selector: Record<string, unknown>[] }).selector;
    const position = selectors.find((s) => s.type === "TextPositionSelector") as { start: number; end: number };
    const quote = selectors.find((s) => s.type === "TextQuoteSelector") as { exact: string };
    const codePoints = [...stored];
    // Three astral characters (📣 😀 😀) come before the claim: code points are three fewer than code units.
    expect(position.start).toBe(at - 3);
    expect(codePoints.slice(position.start, position.end).join("")).toBe(exact);
    expect(quote.exact).toBe(exact);
  });
});
