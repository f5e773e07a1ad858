import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjudicateClaim } from "@/lib/db/adjudications";
import type { Db } from "@/lib/db/client";
import { listDisagreements } from "@/lib/db/curation-reads";
import { ConflictError, WriteError } from "@/lib/db/errors";
import { importExportFile } from "@/lib/db/import-export-file";
import { findMatchingClaims, searchClaims } from "@/lib/db/search";
import { parseImportFile } from "@/lib/export/read-import-file";
import { exportFileSchema } from "@/lib/validation/export-file";
import { annotationsOf, exportText } from "./export/export-helpers";
import { createExportFixture, createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let split: { id: string; version: number };

beforeAll(async () => {
  t = await createExportFixture();
  // The fixture's third claim: Ada says opinion, Rui says statistic (no majority).
  const claims = await t.db.claim.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true } });
  split = claims[2];
  await t.db.user.create({
    data: { id: "user-cat", email: "cat@example.test", name: "Cat Curator", passwordHash: "x", role: "curator" },
  });
});
afterAll(async () => {
  await t.close();
});

const csvRowIn = async (db: Db, claimId: string) =>
  (parse(await exportText(db, "csv"), { columns: true }) as Record<string, string>[]).find(
    // The CSV names a claim by its link in the app (…#claim-<id>), not a bare id column.
    (r) => r.link.endsWith(`#claim-${claimId}`),
  )!;
const csvRow = (claimId: string) => csvRowIn(t.db, claimId);

describe("adjudication", () => {
  it("lists the claims whose reviewers disagree, for the curation view", async () => {
    const items = await listDisagreements(t.db, null);
    const item = items.find((i) => i.claimId === split.id)!;
    expect(item.judgements.map((j) => [j.reviewerName, j.tags])).toEqual([
      ["Ada Admin", ["opinion"]],
      ["Rui Reviewer", ["statistic"]],
    ]);
    expect(item.verdict).toBeNull();
    expect(`${item.before}${item.exact}${item.after}`).toContain(item.exact);
  });

  it("records the verdict, sets the claim's status, bumps its version and audits it", async () => {
    expect((await csvRow(split.id)).agreement).toBe("split");
    const claim = await adjudicateClaim(t.db, "user-cat", {
      claimId: split.id,
      version: split.version,
      tags: ["legal-fact"],
      status: "accepted",
      reason: "The passage restates the statute.",
    });
    expect(claim).toMatchObject({ status: "accepted", version: split.version + 1 });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "claim.adjudicate", claimId: split.id } });
    expect(event.actorId).toBe("user-cat");
    expect(JSON.parse(event.after!)).toEqual({
      tags: ["legal-fact"],
      status: "accepted",
      reason: "The passage restates the statute.",
    });
    expect(JSON.parse(event.before!)).toEqual({ status: "disputed", adjudicated: false });
    // Reviewers' own tags are untouched.
    expect(await t.db.claimTag.count({ where: { claimId: split.id } })).toBe(2);
    const item = (await listDisagreements(t.db, null)).find((i) => i.claimId === split.id)!;
    expect(item.verdict).toMatchObject({ tags: ["legal-fact"], curatorName: "Cat Curator" });
  });

  it("is found by search: final:<tag> and adjudicated:yes|no", async () => {
    const ids = async (q: string) => (await findMatchingClaims(t.db, q)).map((c) => c.claimId);
    expect(await ids("final:legal-fact")).toEqual([split.id]);
    // The hit shows the verdict's tags, as every count does (not the reviewers' split).
    const [hit] = (await searchClaims(t.db, { q: "final:legal-fact" })).hits;
    expect(hit).toMatchObject({ claimId: split.id, tags: ["legal-fact"], tagsAreSuggested: false });
    expect(await ids('final:"legal fact"')).toEqual([split.id]);
    expect(await ids("final:opinion")).toEqual([]);
    expect(await ids("adjudicated:yes")).toEqual([split.id]);
    const all = await t.db.claim.count({ where: { deletedAt: null } });
    const notAdjudicated = await ids("adjudicated:no");
    expect(notAdjudicated).toHaveLength(all - 1);
    expect(notAdjudicated).not.toContain(split.id);
    expect(await ids("-adjudicated:no")).toEqual([split.id]);
    // A renamed tag renames the facet too.
    await t.db.tag.update({ where: { slug: "legal-fact" }, data: { slug: "law" } });
    expect(await ids("final:law")).toEqual([split.id]);
    await t.db.tag.update({ where: { slug: "law" }, data: { slug: "legal-fact" } });
    expect(await ids("final:legal-fact")).toEqual([split.id]);
  });

  it("makes the verdict the consensus of every report", async () => {
    expect(await csvRow(split.id)).toMatchObject({ consensus_tags: "legal-fact", agreement: "adjudicated" });
    const markdown = await exportText(t.db, "md");
    expect(markdown).toContain("consensus **legal fact** (adjudicated by a curator over 2 reviewers)");
    const html = await exportText(t.db, "html");
    expect(html).toContain("adjudicated by a curator over 2 reviewers");
  });

  it("carries the verdict in the JSON and W3C exports, and a JSON import brings it back", async () => {
    const json = await exportText(t.db, "json");
    const file = JSON.parse(json);
    expect(exportFileSchema.safeParse(file).success).toBe(true);
    const claims = file.documents.flatMap((d: { claims: { id: string; verdict?: unknown }[] }) => d.claims);
    expect(claims.find((c: { id: string }) => c.id === split.id).verdict).toMatchObject({
      tags: ["legal-fact"],
      status: "accepted",
      reason: "The passage restates the statute.",
      curator: { email: "cat@example.test", name: "Cat Curator" },
    });
    expect(claims.filter((c: { verdict?: unknown }) => c.verdict)).toHaveLength(1);
    const annotation = annotationsOf(JSON.parse(await exportText(t.db, "jsonld"))).find((a) =>
      String(a.id).endsWith(`#claim-${split.id}`),
    )!;
    const bodies = annotation.body as { purpose: string; value: string; creator?: { name: string } }[];
    expect(bodies.filter((b) => b.creator?.name === "Cat Curator").map((b) => [b.purpose, b.value])).toEqual([
      ["classifying", "legal-fact"],
      ["moderating", "The passage restates the statute."],
    ]);

    const fresh = await createTestDatabase({ from: "migrated" });
    try {
      await importExportFile(fresh.db, parseImportFile(json), {
        actorId: null,
        unusablePasswordHash: "$2b$04$unusable.unusable.unusable.unusable.unusable.unusab",
      });
      expect((await csvRowIn(fresh.db, split.id)).agreement).toBe("adjudicated");
      expect(await exportText(fresh.db, "json")).toBe(json);
    } finally {
      await fresh.close();
    }
  });

  it("replaces an earlier verdict, keeping the earlier one in the audit log; an empty tag set is a verdict", async () => {
    await adjudicateClaim(t.db, "user-cat", {
      claimId: split.id,
      version: split.version + 1,
      tags: [],
      status: "rejected",
      reason: "Not a claim after all.",
    });
    expect(await csvRow(split.id)).toMatchObject({ consensus_tags: "", agreement: "adjudicated", status: "rejected" });
    const events = await t.db.auditEvent.findMany({
      where: { action: "claim.adjudicate", claimId: split.id },
      orderBy: { at: "asc" },
    });
    expect(JSON.parse(events[1].before!)).toMatchObject({ tags: ["legal-fact"], status: "accepted" });
  });

  it("refuses a stale version, an unknown tag and a deleted claim, writing nothing", async () => {
    const before = await t.db.auditEvent.count();
    const base = { claimId: split.id, tags: ["opinion"], status: "accepted" as const, reason: "r" };
    await expect(adjudicateClaim(t.db, "user-cat", { ...base, version: split.version })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      adjudicateClaim(t.db, "user-cat", { ...base, version: split.version + 2, tags: ["nope"] }),
    ).rejects.toBeInstanceOf(WriteError);
    const other = await t.db.claim.update({ where: { id: "claim-000-c010" }, data: { deletedAt: new Date() } });
    await expect(
      adjudicateClaim(t.db, "user-cat", { ...base, claimId: other.id, version: other.version }),
    ).rejects.toBeInstanceOf(WriteError);
    await t.db.claim.update({ where: { id: other.id }, data: { deletedAt: null } });
    expect(await t.db.auditEvent.count()).toBe(before);
    expect((await csvRow(split.id)).consensus_tags).toBe("");
  });
});
