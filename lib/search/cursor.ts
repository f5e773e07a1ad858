import { createHash } from "node:crypto";
import { z } from "zod";
import { SEARCH_SORTS, SearchInputError } from "./types";

/**
 * Keyset cursors. A cursor pins the result set of the first page: `asOf` is the newest
 * search key then (keys only grow, so claims added later never enter a paginated result
 * or shift it), `floor` is the lower bound of the ranked window, and `after` is the sort
 * key of the last hit shown. It is opaque to clients (base64url JSON) and bound to its
 * query and sort by a fingerprint.
 */
const afterSchema = z.union([
  z.object({ score: z.number().int(), key: z.number().int() }),
  z.object({ file: z.string(), start: z.number().int(), key: z.number().int() }),
  z.object({ key: z.number().int() }),
]);

const cursorSchema = z.object({
  v: z.literal(1),
  fp: z.string(),
  sort: z.enum(SEARCH_SORTS),
  asOf: z.number().int().nonnegative(),
  floor: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  capped: z.boolean(),
  after: afterSchema,
});
export type SearchCursor = z.infer<typeof cursorSchema>;

/** Identifies a query and sort, so a cursor cannot be replayed against another one. */
export function fingerprint(match: string, sort: string): string {
  return createHash("sha256").update(`${sort}\n${match}`).digest("base64url").slice(0, 16);
}

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

export function decodeCursor(raw: string, expectedFingerprint: string): SearchCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw new SearchInputError("The cursor is not valid; start the search again from the first page.");
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success)
    throw new SearchInputError("The cursor is not valid; start the search again from the first page.");
  if (result.data.fp !== expectedFingerprint) {
    throw new SearchInputError("The cursor belongs to a different query or sort; start again from the first page.");
  }
  return result.data;
}
