import { parseArgs } from "node:util";
import type { Db } from "../../db/client";
import { searchClaimsWithNotices } from "../../db/search";
import { SearchInputError, type Segment } from "../../search/types";
import { describeFirstIssue } from "../../validation/first-issue";
import { cliSearchArgsSchema } from "../../validation/search";
import { type CliIo, println } from "../io";
import { UsageError } from "../usage";

/** Matched words in [brackets], since a terminal or a pipe may not show colour. */
function marked(segments: Segment[]): string {
  return segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");
}

export async function runSearch(db: Db, args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: "boolean", default: false },
      sort: { type: "string" },
      limit: { type: "string" },
      cursor: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(`search takes one query (quote it), got ${positionals.length}`);
  const parsed = cliSearchArgsSchema.safeParse({
    q: positionals[0],
    sort: values.sort,
    limit: values.limit,
    cursor: values.cursor,
  });
  if (!parsed.success) throw new UsageError(describeFirstIssue(parsed.error, (f) => (f === "q" ? "query" : `--${f}`)));

  let page: Awaited<ReturnType<typeof searchClaimsWithNotices>>;
  try {
    page = await searchClaimsWithNotices(db, parsed.data);
  } catch (error) {
    if (error instanceof SearchInputError) throw new UsageError(error.message);
    throw error;
  }
  const { notices } = page;

  if (values.json) {
    const { hits, total, totalIsCapped, nextCursor, sort } = page;
    const suggestion = page.suggestion ?? null;
    io.stdout.write(
      `${JSON.stringify({ q: parsed.data.q, sort, total, totalIsCapped, notices, suggestion, hits, nextCursor }, null, 2)}\n`,
    );
    return;
  }
  for (const notice of notices) println(io.stderr, `note: ${notice}`);
  if (page.suggestion)
    println(io.stderr, `note: try ${JSON.stringify(page.suggestion.q)} (${page.suggestion.total} found)`);
  for (const hit of page.hits) {
    println(
      io.stdout,
      `${hit.document.fileName}\t${hit.start}-${hit.end}\t${hit.tags.join(",")}\t${hit.status}\t${marked(hit.highlights.exact)}`,
    );
    if (hit.highlights.notes) println(io.stdout, `\t\tnote: ${marked(hit.highlights.notes)}`);
  }
  const count = page.totalIsCapped
    ? `more than ${page.total} claims match (the newest ${page.total} were ranked)`
    : `${page.total} claim${page.total === 1 ? "" : "s"}`;
  println(io.stdout, `${count}; showing ${page.hits.length}, sorted by ${page.sort}`);
  if (page.nextCursor) println(io.stdout, `next page: --cursor ${page.nextCursor}`);
}
