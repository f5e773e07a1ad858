import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, engineOfDb } from "@/lib/db/client";
import { explainUnknownFilters, findMatchingClaims, searchClaims, searchEngine } from "@/lib/db/search";
import { SearchInputError, type SearchSort } from "@/lib/search/types";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let db: Db;
let docA: string;
let docB: string;
let ada: string;
let bob: string;
let n = 0;

async function addClaim(
  documentId: string,
  exact: string,
  extra: { statement?: string; tag?: string; status?: string } = {},
) {
  const claim = await db.claim.create({
    data: {
      documentId,
      start: n * 100,
      end: n * 100 + exact.length,
      exact,
      prefix: "",
      suffix: "",
      paragraphStart: 0,
      paragraphEnd: 0,
      textHash: "x",
      statement: extra.statement ?? null,
      status: extra.status ?? "proposed",
      seedKey: `test-${n++}`,
    },
  });
  if (extra.tag)
    await db.suggestedTag.create({
      data: { claimId: claim.id, tagId: (await db.tag.findUniqueOrThrow({ where: { slug: extra.tag } })).id },
    });
  return claim.id;
}

const ids = async (q: string, sort?: SearchSort) =>
  (await searchClaims(db, { q, sort, limit: 100 })).hits.map((h) => h.claimId);

beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" }); // the five documents, their claims and the default tags
  db = t.db;
  docA = (
    await db.document.create({
      data: { slug: "test-a", fileName: "zz-a.txt", title: "Harbour pilots and tides", text: "", sha256: "a" },
    })
  ).id;
  docB = (
    await db.document.create({
      data: { slug: "test-b", fileName: "zz-b.txt", title: "Lighthouse keepers", text: "", sha256: "b" },
    })
  ).id;
  ada = (
    await db.user.create({ data: { email: "ada@example.test", name: "Ada", passwordHash: "x", role: "reviewer" } })
  ).id;
  bob = (
    await db.user.create({ data: { email: "bob@example.test", name: "Bob", passwordHash: "x", role: "reviewer" } })
  ).id;
});
afterAll(async () => {
  await t.close();
});

describe("search over the seeded corpus", () => {
  it("finds the curated claims and links each to its passage", async () => {
    const page = await searchClaims(db, { q: '"local police"' });
    expect(page.total).toBeGreaterThan(0);
    for (const hit of page.hits) {
      expect(hit.url).toBe(`/documents/${hit.document.slug}#claim-${hit.claimId}`);
      expect([hit.exact, hit.statement ?? "", hit.document.title].join(" ").toLowerCase()).toContain("local police");
    }
    expect(page.hits[0].highlights.exact.some((s) => s.match && s.text.toLowerCase() === "local police")).toBe(true);
  });

  it("filters by tag and document, and matches every claim for an empty query", async () => {
    const stats = await searchClaims(db, { q: "tag:statistic", limit: 100 });
    expect(stats.sort).toBe("newest");
    expect(stats.hits.every((h) => h.tags.includes("statistic"))).toBe(true);
    const slug = stats.hits[0].document.slug;
    const inDoc = await searchClaims(db, { q: `doc:${slug}`, limit: 100 });
    expect(inDoc.hits.every((h) => h.document.slug === slug)).toBe(true);
    expect((await findMatchingClaims(db, "")).length).toBe(await db.claim.count({ where: { deletedAt: null } }));
  });
});

describe("ranking on a small fixed corpus", () => {
  let inExact: string, inStatement: string, inNote: string, inTitleOnly: string, twice: string;
  beforeAll(async () => {
    inTitleOnly = await addClaim(docA, "Ships wait outside the breakwater for the evening tide.");
    inNote = await addClaim(docB, "Keepers logged every passing vessel.");
    await db.note.create({
      data: { claimId: inNote, authorId: ada, body: "Cross-check against the harbour register." },
    });
    inStatement = await addClaim(docB, "Most keepers were paid by the crown.", {
      statement: "Lighthouse keepers were paid by the harbour authority.",
    });
    inExact = await addClaim(docB, "The harbour closed in 1921 after the storm.");
    twice = await addClaim(docB, "Harbour dues funded the harbour lights.");
  });

  it("ranks the claim text above its statement, notes and document title", async () => {
    const order = await ids("harbour");
    expect(order.slice(0, 2).sort()).toEqual([inExact, twice].sort());
    expect(order.indexOf(twice)).toBeLessThan(order.indexOf(inExact)); // twice in a shorter text
    expect(order.indexOf(inExact)).toBeLessThan(order.indexOf(inStatement));
    expect(order.indexOf(inStatement)).toBeLessThan(order.indexOf(inNote));
    expect(order.indexOf(inNote)).toBeLessThan(order.indexOf(inTitleOnly));
  });

  it("marks the matched words in the note excerpt", async () => {
    const hit = (await searchClaims(db, { q: "register" })).hits.find((h) => h.claimId === inNote)!;
    expect(hit.highlights.notes?.filter((s) => s.match).map((s) => s.text)).toEqual(["register"]);
    expect(hit.noteCount).toBe(1);
  });

  it("sorts by document then position, and newest first", async () => {
    const byDoc = (await searchClaims(db, { q: "harbour", sort: "document", limit: 100 })).hits;
    const keys = byDoc.map((h) => [h.document.fileName, h.start] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]));
    const newest = await ids("harbour", "newest");
    expect(newest[0]).toBe(twice);
  });
});

describe("edits show in search at once", () => {
  it("follows a claim's text, status and deletion", async () => {
    const id = await addClaim(docA, "The pilot boarded at dawn.");
    // Quoted: a bare "pilot" also finds the document title's "pilots".
    expect(await ids('"pilot" boarded')).toContain(id);
    await db.claim.update({ where: { id }, data: { exact: "The navigator boarded at dawn." } });
    expect(await ids('"pilot" boarded')).not.toContain(id);
    expect(await ids("navigator")).toContain(id);
    await db.claim.update({ where: { id }, data: { status: "disputed" } });
    expect(await ids("navigator status:disputed")).toContain(id);
    expect(await ids("navigator status:proposed")).not.toContain(id);
    await db.claim.update({ where: { id }, data: { deletedAt: new Date() } });
    expect(await ids("navigator")).not.toContain(id);
    await db.claim.update({ where: { id }, data: { deletedAt: null } });
    expect(await ids("navigator")).toContain(id);
    await db.claim.delete({ where: { id } });
    expect(await ids("navigator")).not.toContain(id);
    // The index forgets the claim: SQLite's key table, PostgreSQL's one search table.
    const keys =
      engineOfDb(db) === "postgres" ? `"ClaimSearch" WHERE "claimId" = $1` : `"ClaimSearchKey" WHERE "claimId" = ?`;
    expect(await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM ${keys}`, id)).toEqual([]);
  });

  it("follows notes: added, edited, deleted", async () => {
    const id = await addClaim(docA, "Tugs escort the tanker.");
    const note = await db.note.create({ data: { claimId: id, authorId: ada, body: "Source: the *pilotage* log." } });
    expect(await ids("pilotage has:note")).toEqual([id]);
    expect(await ids("reviewer:ada@example.test tugs")).toEqual([id]);
    await db.note.update({ where: { id: note.id }, data: { body: "Source: the port almanac." } });
    expect(await ids("pilotage")).toEqual([]);
    expect(await ids("almanac")).toEqual([id]);
    await db.note.update({ where: { id: note.id }, data: { deletedAt: new Date() } });
    expect(await ids("almanac")).toEqual([]);
    expect(await ids("tugs has:note")).toEqual([]);
    expect(await ids("tugs -has:note")).toEqual([id]);
    await db.note.delete({ where: { id: note.id } });
    expect(await ids("tugs")).toEqual([id]);
  });

  it("follows reviewers' tags, disagreement, and renamed tags, titles and emails", async () => {
    const id = await addClaim(docA, "Dredging deepened the channel by two metres.", { tag: "statistic" });
    const opinion = await db.tag.findUniqueOrThrow({ where: { slug: "opinion" } });
    const statistic = await db.tag.findUniqueOrThrow({ where: { slug: "statistic" } });
    expect(await ids("dredging tag:opinion")).toEqual([]);
    await db.claimTag.create({ data: { claimId: id, tagId: statistic.id, reviewerId: ada } });
    expect(await ids("dredging disagreement:yes")).toEqual([]);
    await db.claimTag.create({ data: { claimId: id, tagId: opinion.id, reviewerId: bob } });
    expect(await ids("dredging tag:opinion reviewer:bob@example.test disagreement:yes")).toEqual([id]);
    const hit = (await searchClaims(db, { q: "dredging" })).hits[0];
    // tag: finds a tag any reviewer applied; the hit shows the final tags (counting-rule.ts): none, split 1–1.
    expect(hit).toMatchObject({ disagreement: true, tagsAreSuggested: false, tags: [] });
    await db.claimTag.delete({
      where: { claimId_tagId_reviewerId: { claimId: id, tagId: opinion.id, reviewerId: bob } },
    });
    expect(await ids("dredging disagreement:no")).toEqual([id]);
    expect((await searchClaims(db, { q: "dredging" })).hits[0]).toMatchObject({ tags: ["statistic"] });

    await db.tag.update({ where: { id: statistic.id }, data: { label: "number" } });
    expect(await ids("dredging number")).toEqual([id]);
    await db.tag.update({ where: { id: statistic.id }, data: { label: "statistic" } });
    await db.document.update({ where: { id: docA }, data: { title: "Harbour pilots and estuary dredgers" } });
    expect(await ids("estuary channel")).toEqual([id]);
    await db.user.update({ where: { id: ada }, data: { email: "ada.l@example.test" } });
    expect(await ids("dredging reviewer:ada.l@example.test")).toEqual([id]);
    expect(await ids("dredging reviewer:ada@example.test")).toEqual([]);
  });

  it("follows a claim whose id is rewritten, with its notes and tags", async () => {
    const id = await addClaim(docA, "Ferries cross the sound hourly.");
    await db.note.create({ data: { claimId: id, authorId: ada, body: "Timetable of the ferry company." } });
    await db.$executeRaw`UPDATE "Claim" SET "id" = 'rewritten-' || "id", "status" = 'accepted' WHERE "id" = ${id}`;
    expect(await ids("ferries timetable has:note status:accepted")).toEqual([`rewritten-${id}`]);
    expect(await findMatchingClaims(db, "ferries")).toEqual([{ claimId: `rewritten-${id}`, documentId: docA }]);
  });
});

describe("pagination", () => {
  it("walks every result once, in order, for each sort", async () => {
    for (const sort of ["relevance", "document", "newest"] as const) {
      const all = (await searchClaims(db, { q: "police", sort, limit: 100 })).hits.map((h) => h.claimId);
      expect(all.length).toBeGreaterThan(20);
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await searchClaims(db, { q: "police", sort, limit: 7, cursor });
        walked.push(...page.hits.map((h) => h.claimId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(all);
      expect(new Set(walked).size).toBe(walked.length);
    }
  });

  it.each(["harbour", "the harbour"])(
    "stays stable while claims are added: no repeats, no gaps, no newcomers (%s)",
    async (q) => {
      for (const sort of ["relevance", "document", "newest"] as const) {
        const first = await searchClaims(db, { q, sort, limit: 3 });
        const before = (await searchClaims(db, { q, sort, limit: 100 })).hits.map((h) => h.claimId);
        const added = [
          await addClaim(docB, "Harbour harbour harbour."),
          await addClaim(docA, "A harbour."),
          await addClaim(
            docB,
            "The old harbour wall, the new harbour wall and the harbour master's house all date from the same decade.",
          ),
        ];
        const walked = first.hits.map((h) => h.claimId);
        let cursor = first.nextCursor;
        while (cursor) {
          const page = await searchClaims(db, { q, sort, limit: 3, cursor });
          walked.push(...page.hits.map((h) => h.claimId));
          expect(page.total).toBe(first.total);
          cursor = page.nextCursor;
        }
        expect({ sort, walked }).toEqual({ sort, walked: before });
        expect(walked.filter((id) => added.includes(id))).toEqual([]);
        for (const id of added) await db.claim.update({ where: { id }, data: { deletedAt: new Date() } });
      }
    },
  );

  it("refuses a cursor from another query", async () => {
    const page = await searchClaims(db, { q: "the", limit: 2 });
    await expect(searchClaims(db, { q: "harbour", cursor: page.nextCursor })).rejects.toThrow(SearchInputError);
  });
});

describe("bad input", () => {
  it("hostile queries give results or a message, never a database error", async () => {
    for (const q of [
      '"',
      "NEAR(",
      "*",
      "^",
      "-",
      "tag:",
      '"unbalanced',
      "a OR",
      "😀",
      "x".repeat(1000),
      "{exact}: x",
      "' OR 1=1 --",
      "\uE000all",
    ]) {
      await expect(searchClaims(db, { q })).resolves.toBeDefined();
    }
    await expect(searchClaims(db, { q: "x".repeat(10 * 1024) })).rejects.toThrow(SearchInputError);
    await expect(searchClaims(db, { q: "status:maybe" })).rejects.toThrow(/not a status/);
    expect((await searchClaims(db, { q: "😀" })).total).toBe(0);
  });

  it("explains filters that name nothing", async () => {
    const page = await searchClaims(db, { q: "tag:nope doc:nowhere reviewer:nobody@example.test" });
    expect(page.total).toBe(0);
    expect(await explainUnknownFilters(db, page.query)).toEqual([
      'There is no tag "nope"; tags are tag:statistic, tag:opinion, tag:legal-fact.',
      'There is no document with the slug "nowhere".',
      'No reviewer with the email "nobody@example.test" has tagged or noted a claim.',
    ]);
  });

  it("says nothing about accounts through reviewer:, inactive ones included", async () => {
    const id = await addClaim(docA, "Pilots board the freighter.");
    const tag = await db.tag.findFirstOrThrow();
    const gone = await db.user.create({
      data: { email: "gone@example.test", name: "Gone", passwordHash: "x", role: "reviewer" },
    });
    await db.claimTag.create({ data: { claimId: id, tagId: tag.id, reviewerId: gone.id } });
    expect(await ids("reviewer:gone@example.test")).toEqual([id]);
    await db.user.update({ where: { id: gone.id }, data: { active: false } });
    // Inactive, existing-but-silent and unknown addresses all read the same.
    await db.user.create({ data: { email: "silent@example.test", name: "Silent", passwordHash: "x", role: "viewer" } });
    for (const email of ["gone@example.test", "silent@example.test", "never@example.test"]) {
      const page = await searchClaims(db, { q: `reviewer:${email}` });
      expect(page.hits, email).toEqual([]);
      expect(page.total, email).toBe(0);
      expect(await findMatchingClaims(db, `reviewer:${email}`), email).toEqual([]);
      expect(await explainUnknownFilters(db, page.query), email).toEqual([
        `No reviewer with the email "${email}" has tagged or noted a claim.`,
      ]);
    }
  });
});

describe("more matches than the ranking window", () => {
  // The app ranks up to 10,000 matches; a window of 4 shows the same behaviour on a few claims.
  const engine = () => searchEngine(db, { rankWindow: 4 });

  it("shows a too-large best-match result newest first, says so, and pages through it", async () => {
    const first = await engine().search({ q: "police", limit: 3 });
    expect(first).toMatchObject({ sort: "newest", total: 4, totalIsCapped: true });
    expect(first.notices.some((n) => n.includes("too many to rank"))).toBe(true);
    const all = (await findMatchingClaims(db, "police")).map((m) => m.claimId);
    const walked = first.hits.map((h) => h.claimId);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await engine().search({ q: "police", limit: 10, cursor });
      expect(page.sort).toBe("newest");
      walked.push(...page.hits.map((h) => h.claimId));
      cursor = page.nextCursor;
    }
    expect(walked).toEqual([...all].reverse());
  });

  it("ranks or groups a result that fits, and shows a larger one by document newest first too", async () => {
    expect((await engine().search({ q: "harbour dues" })).sort).toBe("relevance");
    expect((await engine().search({ q: "harbour dues", sort: "document" })).sort).toBe("document");
    const byDoc = await engine().search({ q: "police", sort: "document", limit: 100 });
    expect(byDoc).toMatchObject({ sort: "newest", total: 4, totalIsCapped: true });
    expect(byDoc.notices.some((n) => n.includes("too many to group by document"))).toBe(true);
    expect(byDoc.hits.map((h) => h.claimId)).toEqual(
      (await findMatchingClaims(db, "police")).map((m) => m.claimId).reverse(),
    );
  });

  it("groups by document within a smaller window than it ranks", async () => {
    const wide = searchEngine(db, { rankWindow: 1000, groupWindow: 4 });
    expect(await wide.search({ q: "police" })).toMatchObject({ sort: "relevance", totalIsCapped: false });
    const byDoc = await wide.search({ q: "police", sort: "document" });
    expect(byDoc).toMatchObject({ sort: "newest", total: 4, totalIsCapped: true });
    expect(byDoc.notices.some((n) => n.startsWith("More than 4 claims match, too many to group by document"))).toBe(
      true,
    );
  });
});
