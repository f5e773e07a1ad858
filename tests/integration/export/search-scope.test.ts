import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportQueryError, resolveScope, scopeRequestOf, UnknownDocumentError } from "@/lib/export/scope";
import { exportFileSchema } from "@/lib/validation/export-file";
import { createExportFixture, type TestDatabase } from "../helpers/test-database";
import { exportText } from "./export-helpers";

/**
 * Exporting a search result: the export holds exactly the claims the query finds (checked
 * against Prisma queries that do not go through the search index), in the documents that
 * have hits, and says what it was asked for.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createExportFixture();
});
afterAll(async () => {
  await t.close();
});

const DOC_002 = "002_aee067932d5add68.txt";

async function exportedClaimIds(request: Parameters<typeof exportText>[2]) {
  const file = exportFileSchema.parse(JSON.parse(await exportText(t.db, "json", request)));
  return { file, ids: file.documents.flatMap((d) => d.claims.map((c) => c.id)).sort() };
}

async function liveClaimIds(where: object) {
  return (
    await t.db.claim.findMany({ where: { deletedAt: null, ...where }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((c) => c.id);
}

describe("export scope: a search result", () => {
  it("holds exactly the claims with live notes for has:note, and only their documents", async () => {
    const expected = await liveClaimIds({ notes: { some: { deletedAt: null } } });
    expect(expected.length).toBeGreaterThan(0);
    const { file, ids } = await exportedClaimIds({ kind: "query", q: "has:note" });
    expect(ids).toEqual(expected);
    expect(file.scope).toEqual({ kind: "query", q: "has:note" });
    const docsWithHits = await t.db.document.count({ where: { claims: { some: { id: { in: expected } } } } });
    expect(file.documents).toHaveLength(docsWithHits);
  });

  it("matches words in the claim text, narrowed to one document when one is given", async () => {
    const everywhere = await liveClaimIds({ exact: { contains: "sheriff" } });
    const in002 = await liveClaimIds({ exact: { contains: "sheriff" }, document: { fileName: DOC_002 } });
    expect(everywhere.length).toBeGreaterThan(in002.length);
    expect(in002.length).toBeGreaterThan(0);
    // SQLite's LIKE (Prisma's contains) ignores ASCII case, as the search does; the search also
    // matches notes, statements, tags and titles, so it finds at least these claims.
    const found = (await exportedClaimIds({ kind: "query", q: "sheriff*" })).ids;
    expect(found).toEqual(expect.arrayContaining(everywhere));
    const narrowed = await exportedClaimIds({ kind: "query", q: "sheriff*", document: DOC_002 });
    const all002 = await liveClaimIds({ document: { fileName: DOC_002 } });
    expect(narrowed.ids).toEqual(found.filter((id) => all002.includes(id)));
    expect(narrowed.ids).toEqual(expect.arrayContaining(in002));
    expect(narrowed.file.documents.map((d) => d.fileName)).toEqual([DOC_002]);
  });

  it("names the search in reports, file names and the W3C collection's IRI", async () => {
    const md = await exportText(t.db, "md", { kind: "query", q: "tag:statistic" });
    expect(md.split("\n")[0]).toBe("# Claimbook report: search “tag:statistic”");
    const scope = await resolveScope(t.db, { kind: "query", q: "tag:statistic" });
    expect(scope.fileStem).toBe("search-tag:statistic");
    const jsonld = JSON.parse(
      await exportText(t.db, "jsonld", { kind: "query", q: "tag:statistic", document: DOC_002 }),
    );
    expect(jsonld.id).toBe(
      "https://claimbook.example/api/export?format=jsonld&document=002_aee067932d5add68.txt&q=tag%3Astatistic",
    );
  });

  it("numbers and links claims as the app does, not 1, 2, 3 within the report", async () => {
    const numbersIn = (md: string) =>
      new Map(
        [...md.matchAll(/^### Claim (\d+) [^\n]*\n\n[^\n]*\n\n\[Open claim \d+ in Claimbook\]\(([^)]+)\)/gm)].map(
          (m) => [m[2], Number(m[1])],
        ),
      );
    const whole = numbersIn(await exportText(t.db, "md"));
    const search = numbersIn(await exportText(t.db, "md", { kind: "query", q: "has:note" }));
    expect(search.size).toBeGreaterThan(1);
    expect([...search.values()]).not.toEqual([...search.keys()].map((_, i) => i + 1));
    for (const [link, number] of search) {
      expect(link).toMatch(/^https:\/\/claimbook\.example\/documents\/[^#]+#claim-/);
      expect(number, link).toBe(whole.get(link));
    }
  });

  it("gives an empty report for a query that finds nothing, and counts the claims it keeps", async () => {
    const { file, ids } = await exportedClaimIds({ kind: "query", q: "xylophone" });
    expect(ids).toEqual([]);
    expect(file.documents).toEqual([]);
    expect((await resolveScope(t.db, { kind: "query", q: "has:note" })).claimCount).toBe(
      (await liveClaimIds({ notes: { some: { deletedAt: null } } })).length,
    );
  });

  it("refuses a query it cannot run or whose filter names nothing, with the search's message", async () => {
    await expect(resolveScope(t.db, { kind: "query", q: "status:maybe" })).rejects.toThrow(ExportQueryError);
    await expect(resolveScope(t.db, { kind: "query", q: "tag:rumour" })).rejects.toThrow('There is no tag "rumour"');
    await expect(resolveScope(t.db, { kind: "query", q: "police", document: "no-such-doc" })).rejects.toThrow(
      UnknownDocumentError,
    );
  });

  it("builds the scope from the route's and the CLI's parameters", () => {
    expect(scopeRequestOf({})).toEqual({ kind: "corpus" });
    expect(scopeRequestOf({ document: "x" })).toEqual({ kind: "document", document: "x" });
    expect(scopeRequestOf({ q: "police" })).toEqual({ kind: "query", q: "police" });
    expect(scopeRequestOf({ q: "police", document: "x" })).toEqual({ kind: "query", q: "police", document: "x" });
  });
});
