import "server-only";
import { tagSetsByReviewer } from "../tags/agreement";
import { readAgreementTags } from "./agreement-reads";
import type { Db } from "./client";

export interface CurationItem {
  claimId: string;
  version: number;
  status: string;
  exact: string;
  /** The claim's paragraph, cut around it, so the curator reads it in context. */
  before: string;
  after: string;
  document: { slug: string; title: string };
  /** Each reviewer's tag set, reviewers in name order. */
  judgements: { reviewerId: string; reviewerName: string; tags: string[] }[];
  verdict: { tags: string[]; status: string; reason: string; curatorName: string } | null;
}

const CONTEXT = 160;

/**
 * The claims whose reviewers disagree (two or more reviewers, differing tag sets), in reading
 * order per document, with any verdict already given. The curation view walks this list.
 */
export async function listDisagreements(db: Db, documentId: string | null): Promise<CurationItem[]> {
  const rows = await readAgreementTags(db, documentId);
  const byClaim = new Map<string, { tag: string; reviewerId: string }[]>();
  for (const r of rows) {
    const list = byClaim.get(r.claimId);
    if (list) list.push(r);
    else byClaim.set(r.claimId, [r]);
  }
  const disputed = [...byClaim].filter(([, tags]) => {
    const sets = [...tagSetsByReviewer(tags).values()].map((s) => s.join(" "));
    return sets.length >= 2 && new Set(sets).size > 1;
  });
  if (disputed.length === 0) return [];
  const ids = disputed.map(([id]) => id);
  const claims = await db.claim.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      version: true,
      status: true,
      start: true,
      end: true,
      paragraphStart: true,
      paragraphEnd: true,
      exact: true,
      document: { select: { slug: true, title: true, fileName: true, text: true } },
      adjudication: {
        select: {
          status: true,
          reason: true,
          curator: { select: { name: true } },
          tags: { select: { tag: { select: { slug: true } } } },
        },
      },
    },
  });
  const reviewerIds = [...new Set(disputed.flatMap(([, tags]) => tags.map((t) => t.reviewerId)))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const tagsOf = new Map(disputed);
  return claims
    .sort((a, b) =>
      a.document.fileName < b.document.fileName
        ? -1
        : a.document.fileName > b.document.fileName
          ? 1
          : a.start - b.start,
    )
    .map((c) => {
      const text = c.document.text;
      const from = Math.max(c.paragraphStart, c.start - CONTEXT);
      const to = Math.min(c.paragraphEnd, c.end + CONTEXT);
      return {
        claimId: c.id,
        version: c.version,
        status: c.status,
        exact: c.exact,
        before: `${from > c.paragraphStart ? "…" : ""}${text.slice(from, c.start)}`,
        after: `${text.slice(c.end, to)}${to < c.paragraphEnd ? "…" : ""}`,
        document: { slug: c.document.slug, title: c.document.title },
        judgements: [...tagSetsByReviewer(tagsOf.get(c.id) ?? [])]
          .map(([reviewerId, tags]) => ({ reviewerId, reviewerName: names.get(reviewerId) ?? reviewerId, tags }))
          .sort((x, y) => x.reviewerName.localeCompare(y.reviewerName, "en")),
        verdict: c.adjudication
          ? {
              tags: c.adjudication.tags.map((t) => t.tag.slug).sort(),
              status: c.adjudication.status,
              reason: c.adjudication.reason,
              curatorName: c.adjudication.curator.name,
            }
          : null,
      };
    });
}
