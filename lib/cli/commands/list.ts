import { parseArgs } from "node:util";
import { listClaims } from "../../db/claims";
import type { Db } from "../../db/client";
import { listAllPendingSuggestions } from "../../db/suggestions";
import { type CliIo, println } from "../io";

/** Pending suggested claims, in the same shape as claims (status "suggested", the cue as `reason`). */
async function listSuggestions(db: Db, json: boolean, io: CliIo): Promise<void> {
  const rows = (await listAllPendingSuggestions(db)).map((s) => ({
    id: s.id,
    document: s.document,
    start: s.start,
    end: s.end,
    exact: s.exact,
    statement: null,
    tags: s.tag ? [s.tag] : [],
    suggestedTags: s.tag ? [s.tag] : [],
    reviewerTags: [],
    status: "suggested",
    reason: s.reason,
  }));
  if (json) {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const s of rows)
    println(io.stdout, `${s.document}\t${s.start}-${s.end}\t${s.tags.join(",")}\t${s.reason}\t${s.exact}`);
  println(io.stdout, `${rows.length} pending suggestions`);
}

export async function runList(db: Db, args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { json: { type: "boolean", default: false }, suggestions: { type: "boolean", default: false } },
    strict: true,
  });
  if (values.suggestions) return listSuggestions(db, values.json, io);
  const claims = await listClaims(db);
  if (values.json) {
    const rows = claims.map(
      ({ document, start, end, exact, tags, suggestedTags, reviewerTags, status, id, statement, anchor }) => ({
        id,
        document,
        start,
        end,
        exact,
        statement,
        tags,
        suggestedTags,
        reviewerTags,
        status,
        anchor,
      }),
    );
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const c of claims) {
    println(io.stdout, `${c.document}\t${c.start}-${c.end}\t${c.tags.join(",")}\t${c.status}\t${c.exact}`);
  }
  println(io.stdout, `${claims.length} claims`);
}
