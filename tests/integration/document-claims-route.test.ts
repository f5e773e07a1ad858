import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WireClaim } from "@/lib/claims/wire-claims";
import type { UserSummary } from "@/lib/db/users";
import { testDatabaseUrl } from "./helpers/test-database-url";

// The route uses the app's database client: point it at a fresh database before it loads.
// Only who is signed in is set by the test.
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimbook-doc-claims-")), "claims.db");
process.env.DATABASE_URL = testDatabaseUrl(file);

let signedIn: UserSummary | null = null;
vi.mock("@/lib/auth/current-user", async (original) => ({
  ...(await original<object>()),
  getCurrentUser: async () => signedIn,
}));

const route = await import("@/app/api/documents/[slug]/claims/route");
const { db } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/db/users");
const { setReviewerTag } = await import("@/lib/db/claim-writes");
const { getDocumentForReading } = await import("@/lib/db/documents");
const { documentTagCounts } = await import("@/lib/db/document-tag-counts");
const { countTags } = await import("@/lib/tags/counting-rule");
const { cloneTemplate } = await import("./helpers/template-databases");

let ann: UserSummary;
let bob: UserSummary;
let cat: UserSummary;
let doc: { id: string; slug: string; sha256: string; text: string };
let claims: { id: string }[];

beforeAll(async () => {
  await cloneTemplate("seeded", file);
  const make = (email: string, role: UserSummary["role"]) =>
    createUser(db, { email, name: email.split("@")[0], role, password: "long enough password" }, null);
  ann = await make("ann@example.test", "reviewer");
  bob = await make("bob@example.test", "reviewer");
  cat = await make("cat@example.test", "curator");
  doc = await db.document.findFirstOrThrow({ orderBy: { fileName: "asc" } });
  claims = await db.claim.findMany({
    where: { documentId: doc.id, deletedAt: null },
    orderBy: { start: "asc" },
    take: 2,
  });
  // Ann is assigned under independent review (the default); Bob tags two claims, Ann the second.
  await db.assignment.create({ data: { documentId: doc.id, reviewerId: ann.id, assignedById: cat.id } });
  for (const claim of claims) await setReviewerTag(db, bob.id, { claimId: claim.id, tag: "legal-fact", on: true });
  await setReviewerTag(db, ann.id, { claimId: claims[1].id, tag: "statistic", on: true });
});
afterAll(async () => {
  await db.$disconnect();
});

async function fetchClaims(slug: string) {
  const response = await route.GET(new Request("http://localhost/"), { params: Promise.resolve({ slug }) });
  return { response, body: response.ok ? ((await response.json()) as { sha256: string; claims: WireClaim[] }) : null };
}

describe("GET /api/documents/[slug]/claims", () => {
  it("answers 401 signed out and 404 for an unknown document, never cached", async () => {
    signedIn = null;
    expect((await fetchClaims(doc.slug)).response.status).toBe(401);
    signedIn = cat;
    const missing = await fetchClaims("no-such-document");
    expect(missing.response.status).toBe(404);
    expect(missing.response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("sends the page's claims in reading order, without quotes, marked private", async () => {
    signedIn = cat;
    const { response, body } = await fetchClaims(doc.slug);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const full = (await getDocumentForReading(db, doc.slug))!;
    expect(body!.sha256).toBe(doc.sha256);
    expect(body!.claims.map((c) => c.id)).toEqual(full.claims.map((c) => c.id));
    expect(body!.claims.every((c) => !("exact" in c))).toBe(true);
    // The quote the client cuts from the text is the stored one.
    for (const c of full.claims) expect(doc.text.slice(c.start, c.end)).toBe(c.exact);
  });

  it("sends a reviewer under independent review no other reviewer's tags (curators see all)", async () => {
    signedIn = ann;
    const { body } = await fetchClaims(doc.slug);
    const tagsOf = (id: string) =>
      body!.claims
        .find((c) => c.id === id)!
        .reviewerTags.map((t) => t.reviewerId)
        .sort();
    expect(tagsOf(claims[0].id)).toEqual([]);
    expect(tagsOf(claims[1].id)).toEqual([ann.id, bob.id].sort());
    expect(body!.claims.flatMap((c) => c.reviewerTags).filter((t) => t.reviewerId === bob.id)).toHaveLength(1);
    signedIn = cat;
    const all = (await fetchClaims(doc.slug)).body!;
    expect(all.claims.find((c) => c.id === claims[0].id)!.reviewerTags.map((t) => t.reviewerId)).toEqual([bob.id]);
  });

  it("counts the footer's tags from what the viewer may see", async () => {
    const full = (await getDocumentForReading(db, doc.slug))!;
    const live = full.claims.filter((c) => !c.deleted).map((c) => ({ ...c, finalTags: c.verdict?.tags ?? null }));
    // A curator's counts are the counting rule over every live claim, as the page counted before.
    expect(await documentTagCounts(db, cat, doc)).toEqual(countTags(live).byTag);
    // Ann's leave out Bob's tag on the claim she has not tagged: it counts under its suggestion.
    const annCounts = await documentTagCounts(db, ann, doc);
    const redacted = live.map((c) => (c.id === claims[0].id ? { ...c, reviewerTags: [], finalTags: null } : c));
    expect(annCounts).toEqual(countTags(redacted).byTag);
    expect(annCounts).not.toEqual(await documentTagCounts(db, cat, doc));
  });
});
