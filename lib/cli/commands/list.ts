import { parseArgs } from "node:util";
import { listClaims } from "../../db/claims";
import type { Db } from "../../db/client";
import { type CliIo, println } from "../io";

export async function runList(db: Db, args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } }, strict: true });
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
