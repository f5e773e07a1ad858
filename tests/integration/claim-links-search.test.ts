import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLinkDetection } from "@/lib/db/claim-link-detection";
import { listLinks } from "@/lib/db/claim-link-reads";
import { dismissLinkFlag, setLinkState } from "@/lib/db/claim-link-writes";
import { searchClaims } from "@/lib/db/search";
import { parseQuery, QuerySyntaxError } from "@/lib/search/query-syntax";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

let t: TestDatabase;
let reviewerId: string;
beforeAll(async () => {
  t = await createTestDatabase({ from: "seeded" });
  await runLinkDetection(t.db, null);
  reviewerId = (
    await t.db.user.create({ data: { email: "r@example.test", name: "R", passwordHash: "x", role: "reviewer" } })
  ).id;
});
afterAll(async () => {
  await t.close();
});

const ids = async (q: string) =>
  new Set((await searchClaims(t.db, { q, sort: "newest", limit: 500 })).hits.map((h) => h.claimId));

describe("search filters linked: and flag:", () => {
  it("parses them and refuses a flag that does not exist", () => {
    expect(parseQuery("linked:no flag:Period").filters.map((f) => [f.field, f.value])).toEqual([
      ["linked", "no"],
      ["flag", "period"],
    ]);
    expect(() => parseQuery("flag:colour")).toThrow(QuerySyntaxError);
  });

  it("finds linked claims and claims with an open flag, and follows reviewers' decisions", async () => {
    const linked = await ids("linked:yes");
    const notLinked = await ids("linked:no");
    const links = await listLinks(t.db);
    const members = new Set(links.flatMap((l) => l.claims.map((c) => c.id)));
    expect(linked).toEqual(members);
    expect(notLinked.size).toBeGreaterThan(0);
    for (const id of notLinked) expect(linked.has(id)).toBe(false);

    const assault = links.find((l) => l.relation === "same-figure" && l.claims.some((c) => c.exact.includes("920")))!;
    const period = await ids("flag:period");
    for (const c of assault.claims) expect(period.has(c.id)).toBe(true);

    // Dismissing the period flag takes these claims out of flag:period (no other period flag on them).
    const flag = assault.flags.find((f) => f.kind === "period")!;
    await dismissLinkFlag(t.db, reviewerId, { flagId: flag.id, reason: "checked: both sources say so" });
    const after = await ids("flag:period");
    for (const c of assault.claims) expect(after.has(c.id)).toBe(false);
    expect((await ids("flag:qualifier")).has(assault.claims[0].id)).toBe(true);

    // Rejecting every link of a claim makes it unlinked.
    const claimId = assault.claims[0].id;
    for (const l of links.filter((x) => x.claims.some((c) => c.id === claimId))) {
      const fresh = (await listLinks(t.db, { state: "all" })).find((x) => x.id === l.id)!;
      await setLinkState(t.db, reviewerId, { linkId: l.id, version: fresh.version, state: "rejected" });
    }
    expect((await ids("linked:yes")).has(claimId)).toBe(false);
    expect((await ids("linked:no")).has(claimId)).toBe(true);
  });
});
