import { afterEach, describe, expect, it } from "vitest";
import { runLinkDetection } from "@/lib/db/claim-link-detection";
import { listClaimLinks, listLinks } from "@/lib/db/claim-link-reads";
import { createManualLink, dismissLinkFlag, setLinkState, unlinkClaim } from "@/lib/db/claim-link-writes";
import type { Db } from "@/lib/db/client";
import { ConflictError, WriteError } from "@/lib/db/errors";
import { findLinkTargets } from "@/lib/db/link-targets";
import { claims as runClaims } from "./helpers/run-cli";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
afterEach(async () => {
  await t.close();
});

/** A document whose claims are the given passages (each must occur in the text once). */
async function addDocument(db: Db, slug: string, text: string, passages: string[]) {
  const doc = await db.document.create({
    data: { slug, fileName: `${slug}.txt`, title: `Title ${slug}`, text, sha256: slug },
  });
  const ids: string[] = [];
  for (const exact of passages) {
    const start = text.indexOf(exact);
    if (start < 0) throw new Error(`"${exact}" is not in ${slug}`);
    const claim = await db.claim.create({
      data: {
        documentId: doc.id,
        start,
        end: start + exact.length,
        exact,
        prefix: "",
        suffix: "",
        paragraphStart: 0,
        paragraphEnd: text.length,
        textHash: slug,
      },
    });
    ids.push(claim.id);
  }
  return ids;
}

async function reviewer(db: Db) {
  return (await db.user.create({ data: { email: "r@example.test", name: "R", passwordHash: "x", role: "reviewer" } }))
    .id;
}

describe("link detection on a small fixture corpus", () => {
  it("finds the known links once, keeps reviewers' decisions on a re-run, and audits what it changes", async () => {
    t = await createTestDatabase();
    const [a920, aAct] = await addDocument(
      t.db,
      "a",
      "In FY 2020, ICE encountered approximately 920 aliens convicted for assault. Section 287(g) was added to the Immigration and Nationality Act in 1996.",
      [
        "approximately 920 aliens convicted for assault",
        "Section 287(g) was added to the Immigration and Nationality Act in 1996.",
      ],
    );
    const [b920, bAct] = await addDocument(
      t.db,
      "b",
      "From October 2017 to September 2020, agencies apprehended 920 aliens convicted for assault. Congress added Section 287(g) to the Immigration and Nationality Act in 1996.",
      [
        "920 aliens convicted for assault",
        "Congress added Section 287(g) to the Immigration and Nationality Act in 1996.",
      ],
    );
    const [cOther] = await addDocument(t.db, "c", "Sheriffs in Georgia ended their agreements.", [
      "Sheriffs in Georgia ended their agreements.",
    ]);

    const first = await runLinkDetection(t.db, null);
    expect(first).toMatchObject({ groups: 2, created: 2, removed: 0 });
    const links = await listLinks(t.db);
    const figure = links.find((l) => l.relation === "same-figure");
    expect(figure?.claims.map((c) => c.id).sort()).toEqual([a920, b920].sort());
    expect(figure?.flags.map((f) => f.kind).sort()).toEqual(["period", "qualifier", "verb"]);
    const fact = links.find((l) => l.relation === "same-fact");
    expect(fact?.claims.map((c) => c.id).sort()).toEqual([aAct, bAct].sort());
    expect(links.flatMap((l) => l.claims.map((c) => c.id))).not.toContain(cOther);

    const audits = await t.db.auditEvent.count({ where: { action: "links.detect" } });
    expect(await runLinkDetection(t.db, null)).toMatchObject({ created: 0, updated: 0, removed: 0, unchanged: 2 });
    expect(await t.db.auditEvent.count({ where: { action: "links.detect" } })).toBe(audits);

    // A rejected suggestion stays rejected and is not suggested again; a dismissed flag stays dismissed.
    const who = await reviewer(t.db);
    await setLinkState(t.db, who, { linkId: fact!.id, version: fact!.version, state: "rejected" });
    const period = figure!.flags.find((f) => f.kind === "period")!;
    await dismissLinkFlag(t.db, who, {
      flagId: period.id,
      reason: "The FY 2020 figure is the last year of the range.",
    });
    await runLinkDetection(t.db, null);
    expect((await listLinks(t.db, { state: "suggested" })).map((l) => l.relation)).toEqual(["same-figure"]);
    expect(await listLinks(t.db, { state: "rejected" })).toHaveLength(1);
    const [again] = await listLinks(t.db, { state: "suggested" });
    expect(again.flags.find((f) => f.kind === "period")).toMatchObject({
      dismissed: true,
      dismissReason: "The FY 2020 figure is the last year of the range.",
    });
    expect(await t.db.auditEvent.count({ where: { action: { in: ["link.reject", "link.dismiss-flag"] } } })).toBe(2);

    // A stale decision is refused with the newer state.
    await expect(
      setLinkState(t.db, who, { linkId: again.id, version: again.version - 1, state: "confirmed" }),
    ).rejects.toBeInstanceOf(ConflictError);
    const confirmed = await setLinkState(t.db, who, { linkId: again.id, version: again.version, state: "confirmed" });
    expect(confirmed.state).toBe("confirmed");
  });

  it("makes manual links between documents only, and unlinking the last pair rejects the link", async () => {
    t = await createTestDatabase();
    const [a1, a2] = await addDocument(t.db, "a", "One. Two.", ["One.", "Two."]);
    const [b1] = await addDocument(t.db, "b", "Three.", ["Three."]);
    const who = await reviewer(t.db);
    await expect(
      createManualLink(t.db, who, { claimIds: [a1, a2], relation: "same-fact", note: "" }),
    ).rejects.toBeInstanceOf(WriteError);
    const link = await createManualLink(t.db, who, {
      claimIds: [a1, b1],
      relation: "same-argument",
      note: "same point",
    });
    expect(link).toMatchObject({ state: "confirmed", origin: "manual", relation: "same-argument" });
    await unlinkClaim(t.db, who, { linkId: link.id, claimId: b1, version: link.version });
    expect(await listLinks(t.db)).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { action: { in: ["link.create", "link.unlink"] } } })).toBe(2);
  });
});

describe("links on the five documents", () => {
  it("`links detect` after seeding finds the six FY 2020 counts repeated with a period flag; `links list` prints them", async () => {
    t = await createTestDatabase({ from: "seeded" });
    const detect = await runClaims(t.url, "links", "detect");
    expect(detect.code, detect.stderr).toBe(0);
    expect(detect.stdout).toMatch(/links: \d+ group\(s\) detected; \d+ new/);
    const listed = await runClaims(t.url, "links", "list", "--json", "--state", "suggested");
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as {
      relation: string;
      flags: { kind: string; reason: string }[];
      claims: { id: string; document: string; start: number; end: number; exact: string }[];
    }[];
    const sameFigures = rows.filter((r) => r.relation === "same-figure");
    const counts = sameFigures.map((r) => r.claims.map((c) => c.exact.match(/[\d,]+/)?.[0]).join("="));
    expect(counts.sort()).toEqual(["1,261=1,261", "104=104", "190=190", "377=377", "37=37", "920=920"]);
    for (const r of sameFigures) {
      expect(r.claims.map((c) => c.document.slice(0, 3)).sort()).toEqual(["002", "003"]);
      expect(r.flags.find((f) => f.kind === "period")?.reason).toContain("FY 2020");
    }
    const related = rows.filter((r) => r.relation === "related-figure");
    expect(related).toHaveLength(6);
    // FY 2019 (001) + FY 2020 (002) exceed what 003 gives for October 2017 – September 2020.
    for (const r of related) expect(r.flags.find((f) => f.kind === "figure")?.reason).toContain("which contains both");

    // What the annotator shows for the FY 2020 assault count: the other documents, and the period flag.
    const assault = sameFigures.find((r) => r.claims[0].exact.includes("920"))!;
    const own = assault.claims.find((c) => c.document.startsWith("002"))!;
    const views = await listClaimLinks(t.db, own.id);
    expect(views.flatMap((v) => v.others.map((o) => o.document.slice(0, 3))).sort()).toEqual(["001", "003", "003"]);
    expect(views.flatMap((v) => v.flags.map((f) => f.kind))).toContain("period");
    // "Link to…" offers claims of other documents only.
    const targets = await findLinkTargets(t.db, { claimId: own.id, q: "assault" });
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.map((x) => x.documentTitle)).not.toContain(
      (await t.db.claim.findUniqueOrThrow({ where: { id: own.id }, include: { document: true } })).document.title,
    );
    const bad = await runClaims(t.url, "links", "list", "--state", "maybe");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--state must be one of");
  });
});
