import "server-only";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

/** What the reading view needs of one claim. */
export const claimForReadingInclude = {
  suggestedTags: { select: { tag: { select: { slug: true } } } },
  tags: { select: { tag: { select: { slug: true } }, reviewer: { select: { id: true, name: true } } } },
  _count: { select: { notes: { where: { deletedAt: null } } } },
  adjudication: { select: { reason: true, tags: { select: { tag: { select: { slug: true } } } } } },
} satisfies Prisma.ClaimInclude;

type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof claimForReadingInclude }>;

export interface ReviewerTag {
  tag: string;
  reviewerId: string;
  reviewerName: string;
}

export interface ClaimForReading {
  id: string;
  start: number;
  end: number;
  exact: string;
  statement: string | null;
  kind: string | null;
  status: string;
  version: number;
  deleted: boolean;
  suggestedTags: string[];
  reviewerTags: ReviewerTag[];
  noteCount: number;
  /** ISO 8601: when the claim was made, which fixes its number (lib/claims/numbering.ts). */
  createdAt: string;
  /** A curator's verdict: final tags (possibly none) and why; null when none was given. */
  verdict: { tags: string[]; reason: string } | null;
}

export function toClaimForReading(c: ClaimRow): ClaimForReading {
  return {
    id: c.id,
    start: c.start,
    end: c.end,
    exact: c.exact,
    statement: c.statement,
    kind: c.kind,
    status: c.status,
    version: c.version,
    deleted: c.deletedAt !== null,
    suggestedTags: c.suggestedTags.map((s) => s.tag.slug),
    reviewerTags: c.tags.map((t) => ({ tag: t.tag.slug, reviewerId: t.reviewer.id, reviewerName: t.reviewer.name })),
    noteCount: c._count.notes,
    createdAt: c.createdAt.toISOString(),
    verdict: c.adjudication
      ? { tags: c.adjudication.tags.map((t) => t.tag.slug).sort(), reason: c.adjudication.reason }
      : null,
  };
}

export async function getClaimForReading(
  db: Db | Prisma.TransactionClient,
  id: string,
): Promise<ClaimForReading | null> {
  const row = await db.claim.findUnique({ where: { id }, include: claimForReadingInclude });
  return row ? toClaimForReading(row) : null;
}
