import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { ensureBuild, findFreePort, prepareDatabase, startAppServer } from "../support/app-server";
import { signInOverHttp } from "../support/http-session";
import { ensureAccount } from "./fixtures/accounts";

// Crash safety of the built app: concurrent writes over HTTP, SIGKILL mid-burst, restart,
// then every acknowledged write must be there and the file must pass integrity_check.
const WRITERS = 12;
const KILL_AFTER_ACKS = 150;
const REVIEWER = {
  email: "durable@example.test",
  name: "Durable",
  role: "reviewer" as const,
  password: "durable password 1",
};
type ClaimRow = { id: string; version: number; status: string };
const STATUSES = ["accepted", "disputed", "rejected", "proposed"] as const;

test("no acknowledged write is lost when the server is killed mid-burst", async () => {
  test.setTimeout(180_000);
  fs.mkdirSync("tests/.tmp", { recursive: true });
  const file = path.resolve(`tests/.tmp/durability-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  prepareDatabase(url);
  // Through the CLI and plain SQL: lib/db is server-only and stays out of Playwright's process.
  ensureAccount(REVIEWER, url);
  const seeded = new Database(file, { readonly: true });
  const claims = seeded.prepare("SELECT id, version FROM Claim ORDER BY id").all() as { id: string; version: number }[];
  const { slug: tag } = seeded.prepare("SELECT slug FROM Tag ORDER BY position LIMIT 1").get() as { slug: string };
  seeded.close();

  ensureBuild(["/api/claims/[id]", "/api/claims/[id]/tags"]);
  const port = await findFreePort();
  let server = await startAppServer(url, port);
  const cookie = await signInOverHttp(server.base, REVIEWER.email, REVIEWER.password);

  // Each claim belongs to one writer, so versions never conflict and the last ack is the truth.
  const ackedStatus = new Map<string, { version: number; status: string }>();
  const ackedTags = new Set<string>();
  let acks = 0;
  let killed = false;
  const send = (method: string, route: string, body: unknown) =>
    fetch(`${server.base}${route}`, {
      method,
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(body),
    });

  async function writer(mine: typeof claims) {
    const versions = new Map(mine.map((c) => [c.id, c.version]));
    for (let round = 0; !killed; round++) {
      for (const claim of mine) {
        if (killed) return;
        try {
          const status = STATUSES[round % STATUSES.length];
          const r = await send("PATCH", `/api/claims/${claim.id}`, { version: versions.get(claim.id), status });
          if (r.status === 200) {
            const { data } = (await r.json()) as { data: { version: number; status: string } };
            versions.set(claim.id, data.version);
            ackedStatus.set(claim.id, { version: data.version, status: data.status });
            acks++;
          } else expect(r.status, await r.text()).toBe(200);
          if (round === 0) {
            const t = await send("PUT", `/api/claims/${claim.id}/tags`, { tag });
            if (t.status === 200) {
              ackedTags.add(claim.id);
              acks++;
            }
          }
        } catch (error) {
          if (!killed) throw error; // a connection cut by the kill is an unacknowledged write
        }
      }
    }
  }
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(claims.filter((_, i) => i % WRITERS === w)));
  while (acks < KILL_AFTER_ACKS) await new Promise((r) => setTimeout(r, 5));
  killed = true;
  await server.kill("SIGKILL");
  await Promise.all(writers);
  expect(acks).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

  server = await startAppServer(url, port);
  try {
    const check = new Database(file, { readonly: true });
    const rows = new Map(
      (check.prepare("SELECT id, version, status FROM Claim").all() as ClaimRow[]).map((c) => [c.id, c]),
    );
    const setStatusEvents = check.prepare(
      "SELECT count(*) AS n FROM AuditEvent WHERE claimId = ? AND action = 'claim.set-status'",
    );
    for (const [id, acked] of ackedStatus) {
      const row = rows.get(id)!;
      // The write in flight at the kill may have committed unacknowledged: never older than the ack.
      expect(row.version, `claim ${id}`).toBeGreaterThanOrEqual(acked.version);
      if (row.version === acked.version) expect(row.status).toBe(acked.status);
      expect((setStatusEvents.get(id) as { n: number }).n).toBe(row.version - 1);
    }
    const tagged = new Set(
      (
        check
          .prepare("SELECT t.claimId FROM ClaimTag t JOIN User u ON u.id = t.reviewerId WHERE u.email = ?")
          .all(REVIEWER.email) as { claimId: string }[]
      ).map((t) => t.claimId),
    );
    for (const id of ackedTags) expect(tagged.has(id), `tag on ${id}`).toBe(true);
    check.close();

    // The restarted app takes writes again with the same session.
    const [first] = ackedStatus;
    const again = await send("PATCH", `/api/claims/${first[0]}`, {
      version: rows.get(first[0])!.version,
      status: "accepted",
    });
    expect(again.status).toBe(200);
  } finally {
    await server.kill("SIGTERM");
  }
  const sqlite = new Database(file);
  expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
  sqlite.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  console.log(
    `durability: ${acks} writes acknowledged before SIGKILL (${ackedStatus.size} claims, ${ackedTags.size} tags), all present; integrity ok`,
  );
});
