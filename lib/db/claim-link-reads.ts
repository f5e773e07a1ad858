import "server-only";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

export type LinkStateFilter = "suggested" | "confirmed" | "rejected" | "all";

export interface LinkFlagListing {
  id: string;
  kind: string;
  reason: string;
  dismissed: boolean;
  dismissReason: string | null;
}

export interface LinkClaimListing {
  id: string;
  document: string;
  documentTitle: string;
  documentSlug: string;
  start: number;
  end: number;
  exact: string;
}

export interface LinkListing {
  id: string;
  relation: string;
  state: string;
  origin: string;
  score: number | null;
  reason: string;
  note: string;
  version: number;
  flags: LinkFlagListing[];
  claims: LinkClaimListing[];
}

const INCLUDE = {
  flags: { orderBy: { kind: "asc" } },
  members: {
    include: {
      claim: {
        select: {
          id: true,
          start: true,
          end: true,
          exact: true,
          deletedAt: true,
          document: { select: { fileName: true, title: true, slug: true } },
        },
      },
    },
  },
} satisfies Prisma.ClaimLinkInclude;

type LinkRow = Prisma.ClaimLinkGetPayload<{ include: typeof INCLUDE }>;

function toListing(l: LinkRow): LinkListing {
  return {
    id: l.id,
    relation: l.relation,
    state: l.state,
    origin: l.origin,
    score: l.score,
    reason: l.reason,
    note: l.note,
    version: l.version,
    flags: l.flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      reason: f.reason,
      dismissed: f.dismissedAt !== null,
      dismissReason: f.dismissReason,
    })),
    claims: l.members
      .filter((m) => m.claim.deletedAt === null)
      .map((m) => ({
        id: m.claim.id,
        document: m.claim.document.fileName,
        documentTitle: m.claim.document.title,
        documentSlug: m.claim.document.slug,
        start: m.claim.start,
        end: m.claim.end,
        exact: m.claim.exact,
      }))
      .sort((a, b) => a.document.localeCompare(b.document) || a.start - b.start),
  };
}

/**
 * Links in a stable order (flagged first, then by relation and first claim). `all` leaves
 * out rejected links unless asked for by name: a rejected suggestion is kept only so the
 * detector does not suggest it again.
 */
export async function listLinks(
  db: Db,
  options: { state?: LinkStateFilter; flaggedOnly?: boolean; claimId?: string } = {},
): Promise<LinkListing[]> {
  const state = options.state ?? "all";
  const rows = await db.claimLink.findMany({
    where: {
      state: state === "all" ? { not: "rejected" } : state,
      ...(options.flaggedOnly ? { flags: { some: { dismissedAt: null } } } : {}),
      ...(options.claimId ? { members: { some: { claimId: options.claimId } } } : {}),
    },
    include: INCLUDE,
  });
  const listings = rows.map(toListing).filter((l) => l.claims.length >= 2);
  const open = (l: LinkListing) => l.flags.filter((f) => !f.dismissed).length;
  return listings.sort(
    (a, b) =>
      open(b) - open(a) ||
      a.relation.localeCompare(b.relation) ||
      a.claims[0].document.localeCompare(b.claims[0].document) ||
      a.claims[0].start - b.claims[0].start,
  );
}

export async function getLink(db: Pick<Db, "claimLink">, linkId: string): Promise<LinkListing | null> {
  const row = await db.claimLink.findUnique({ where: { id: linkId }, include: INCLUDE });
  return row ? toListing(row) : null;
}

/** What the annotator shows of one claim's links: the other claims, grouped by document, and open flags. */
export interface ClaimLinkView {
  id: string;
  relation: string;
  state: string;
  version: number;
  flags: LinkFlagListing[];
  others: LinkClaimListing[];
}

export async function listClaimLinks(db: Db, claimId: string): Promise<ClaimLinkView[]> {
  const links = await listLinks(db, { state: "all", claimId });
  return links.map((l) => ({
    id: l.id,
    relation: l.relation,
    state: l.state,
    version: l.version,
    flags: l.flags,
    others: l.claims.filter((c) => c.id !== claimId),
  }));
}
