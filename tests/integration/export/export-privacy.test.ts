import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderToBuffer } from "@/lib/export/render-export";
import { resolveScope } from "@/lib/export/scope";
import { openExportSource } from "@/lib/export/source";
import { BASE_URL, FIXED_NOW } from "../helpers/export-fixture";
import { createExportFixture, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createExportFixture();
}, 120_000);
afterAll(async () => {
  await t.close();
});

const render = async (format: "json" | "jsonld" | "csv" | "md", hideEmails: boolean) => {
  const source = await openExportSource(t.db, await resolveScope(t.db, { kind: "corpus" }), {
    now: FIXED_NOW,
    baseUrl: BASE_URL,
    hideEmails,
  });
  return (await renderToBuffer(format, source)).toString("utf8");
};

describe("reviewers in exports", () => {
  it("a viewer's export names reviewers but carries none of their addresses", async () => {
    const emails = (await t.db.user.findMany({ select: { email: true } })).map((u) => u.email);
    expect(emails.length).toBeGreaterThan(1);
    for (const format of ["json", "jsonld", "csv", "md"] as const) {
      const text = await render(format, true);
      for (const email of emails) expect(text, `${format} ${email}`).not.toContain(email);
    }
    expect(await render("json", true)).toContain("Rui Reviewer");
    expect(await render("json", false)).toContain(emails[0]); // an admin's export keeps them
  });

  it("JSON-LD identifies reviewers by an opaque per-installation id, not a hash of the address", async () => {
    const text = await render("jsonld", false);
    expect(text).not.toContain("email_sha1");
    const ids = new Set(text.match(/urn:claimbook:reviewer:[0-9a-f]{24}/g));
    expect(ids.size).toBe(await t.db.user.count({ where: { OR: [{ tags: { some: {} } }, { notes: { some: {} } }] } }));
    await t.db.setting.update({ where: { key: "installation.key" }, data: { value: "another installation" } });
    try {
      const elsewhere = new Set((await render("jsonld", false)).match(/urn:claimbook:reviewer:[0-9a-f]{24}/g));
      expect([...elsewhere].some((id) => ids.has(id))).toBe(false);
    } finally {
      await t.db.setting.update({ where: { key: "installation.key" }, data: { value: "golden-installation-key" } });
    }
  });
});
