import { parseArgs } from "node:util";
import { listClaims } from "../../db/claims";
import type { Db } from "../../db/client";

export async function runList(db: Db, args: string[]): Promise<void> {
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
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const c of claims) {
    console.log(`${c.document}\t${c.start}-${c.end}\t${c.tags.join(",")}\t${c.status}\t${c.exact}`);
  }
  console.log(`${claims.length} claims`);
}
