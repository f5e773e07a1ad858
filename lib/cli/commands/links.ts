import { parseArgs } from "node:util";
import { runLinkDetection } from "../../db/claim-link-detection";
import { type LinkStateFilter, listLinks } from "../../db/claim-link-reads";
import type { Db } from "../../db/client";
import { type CliIo, println } from "../io";
import { UsageError } from "../usage";

const STATES = ["suggested", "confirmed", "rejected", "all"] as const;

/** `links detect` and `links list [--json] [--state …]`. */
export async function runLinks(db: Db, args: string[], io: CliIo): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === "detect") {
    if (rest.length) throw new UsageError(`links detect takes no arguments, got "${rest.join(" ")}"`);
    const r = await runLinkDetection(db, null);
    println(
      io.stdout,
      `links: ${r.groups} group(s) detected; ${r.created} new, ${r.updated} updated, ${r.removed} removed, ${r.unchanged} unchanged`,
    );
    return;
  }
  if (sub !== "list")
    throw new UsageError(`unknown links command "${sub ?? ""}" (expected "links detect" or "links list")`);
  const { values } = parseArgs({
    args: rest,
    options: { json: { type: "boolean", default: false }, state: { type: "string", default: "all" } },
    strict: true,
  });
  const state = values.state as LinkStateFilter;
  if (!STATES.includes(state))
    throw new UsageError(`--state must be one of ${STATES.join(", ")}, got "${values.state}"`);
  const links = await listLinks(db, { state });
  if (values.json) {
    const rows = links.map(({ id, relation, state, origin, score, reason, note, flags, claims }) => ({
      id,
      relation,
      state,
      origin,
      score,
      reason,
      note,
      flags: flags.map(({ kind, reason, dismissed, dismissReason }) => ({ kind, reason, dismissed, dismissReason })),
      claims: claims.map(({ id, document, start, end, exact }) => ({ id, document, start, end, exact })),
    }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const l of links) {
    println(
      io.stdout,
      `${l.relation} (${l.state}, ${l.origin}${l.score === null ? "" : `, score ${l.score}`}): ${l.reason}`,
    );
    for (const f of l.flags)
      println(io.stdout, `  flag ${f.kind}${f.dismissed ? ` (dismissed: ${f.dismissReason})` : ""}: ${f.reason}`);
    for (const c of l.claims) println(io.stdout, `  ${c.id}\t${c.document}\t${c.start}-${c.end}\t${c.exact}`);
  }
  println(io.stdout, `${links.length} link(s)`);
}
