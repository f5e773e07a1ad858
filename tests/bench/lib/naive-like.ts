import type { FilterTerm, ParsedQuery, TextTerm } from "@/lib/search/query-syntax";
import type { Statement } from "@/lib/search/sqlite/statements";

/**
 * What a quick implementation would do: LIKE '%word%' over the same fields (claim text,
 * notes, tags, document title) and the filters as joins, newest first, plus a count.
 * No ranking and no highlighting, so it does less work per row than the FTS5 engine.
 */
function textCondition(term: TextTerm, params: unknown[]): string {
  const pattern = `%${term.tokens.join(" ")}%`;
  params.push(pattern, pattern, pattern, pattern, pattern, pattern);
  return `(c."exact" LIKE ? OR c."statement" LIKE ? OR d."title" LIKE ?
    OR EXISTS (SELECT 1 FROM "Note" n WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL AND n."body" LIKE ?)
    OR EXISTS (SELECT 1 FROM "Tag" t WHERE (t."slug" LIKE ? OR t."label" LIKE ?) AND t."id" IN
      (SELECT "tagId" FROM "SuggestedTag" WHERE "claimId" = c."id" UNION SELECT "tagId" FROM "ClaimTag" WHERE "claimId" = c."id")))`;
}

function filterCondition(filter: FilterTerm, params: unknown[]): string {
  switch (filter.field) {
    case "tag":
      params.push(filter.value);
      return `EXISTS (SELECT 1 FROM "Tag" t WHERE t."slug" = ? AND t."id" IN
        (SELECT "tagId" FROM "SuggestedTag" WHERE "claimId" = c."id" UNION SELECT "tagId" FROM "ClaimTag" WHERE "claimId" = c."id"))`;
    case "doc":
      params.push(filter.value);
      return `d."slug" = ?`;
    case "status":
      params.push(filter.value);
      return `c."status" = ?`;
    case "reviewer":
      params.push(filter.value, filter.value);
      return `(EXISTS (SELECT 1 FROM "ClaimTag" ct JOIN "User" u ON u."id" = ct."reviewerId" WHERE ct."claimId" = c."id" AND u."email" = ?)
        OR EXISTS (SELECT 1 FROM "Note" n JOIN "User" u ON u."id" = n."authorId" WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL AND u."email" = ?))`;
    case "has":
      return `EXISTS (SELECT 1 FROM "Note" n WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL)`;
    case "disagreement": {
      const exists = `EXISTS (SELECT 1 FROM "ClaimTag" a JOIN "ClaimTag" b ON b."claimId" = a."claimId" AND b."reviewerId" <> a."reviewerId"
        WHERE a."claimId" = c."id" AND NOT EXISTS (SELECT 1 FROM "ClaimTag" x WHERE x."claimId" = c."id" AND x."reviewerId" = b."reviewerId" AND x."tagId" = a."tagId"))`;
      return filter.value === "yes" ? exists : `NOT ${exists}`;
    }
    case "linked": {
      const exists = `EXISTS (SELECT 1 FROM "ClaimLinkMember" m JOIN "ClaimLink" l ON l."id" = m."linkId" WHERE m."claimId" = c."id" AND l."state" <> 'rejected')`;
      return filter.value === "yes" ? exists : `NOT ${exists}`;
    }
    case "flag":
      params.push(filter.value);
      return `EXISTS (SELECT 1 FROM "LinkFlag" f JOIN "ClaimLink" l ON l."id" = f."linkId" JOIN "ClaimLinkMember" m ON m."linkId" = l."id"
        WHERE m."claimId" = c."id" AND l."state" <> 'rejected' AND f."dismissedAt" IS NULL AND f."kind" = ?)`;
    case "final":
      params.push(filter.value);
      return `EXISTS (SELECT 1 FROM "FinalTag" f JOIN "Tag" t ON t."id" = f."tagId" WHERE f."claimId" = c."id" AND t."slug" = ?)`;
    case "adjudicated": {
      const exists = `EXISTS (SELECT 1 FROM "Adjudication" a WHERE a."claimId" = c."id")`;
      return filter.value === "yes" ? exists : `NOT ${exists}`;
    }
  }
}

export function naiveLikeStatements(query: ParsedQuery, limit: number): { page: Statement; count: Statement } {
  const params: unknown[] = [];
  const conditions = [
    ...query.text.map((t) => (t.negated ? `NOT ${textCondition(t, params)}` : textCondition(t, params))),
    ...query.filters.map((f) => (f.negated ? `NOT ${filterCondition(f, params)}` : filterCondition(f, params))),
  ];
  const from = `FROM "Claim" c JOIN "Document" d ON d."id" = c."documentId" WHERE c."deletedAt" IS NULL${conditions.map((c) => `\n  AND ${c}`).join("")}`;
  return {
    page: {
      sql: `SELECT c."id", c."exact", c."statement", d."slug", d."title" ${from} ORDER BY c.rowid DESC LIMIT ?`,
      params: [...params, limit + 1],
    },
    count: { sql: `SELECT count(*) AS "total" ${from}`, params },
  };
}
