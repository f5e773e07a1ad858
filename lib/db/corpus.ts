import "server-only";
import type { StoredSelectors } from "../anchoring/types";
import { DEFAULT_TAGS } from "../tags/default-tags";
import { appendAudit } from "./audit";
import type { Db } from "./client";
import type { DocumentMetadata } from "./documents";

export interface SeedClaim extends StoredSelectors {
  seedKey: string;
  statement: string;
  kind: string;
  tags: string[];
}

export interface SeedDocument extends DocumentMetadata {
  text: string;
  sha256: string;
  claims: SeedClaim[];
}

export interface SeedReport {
  documentsCreated: number;
  documentsUpdated: number;
  claimsCreated: number;
  claimsUpdated: number;
  claimsRetired: number;
  claimsUnchanged: number;
}

const CLAIM_FIELDS = [
  "start",
  "end",
  "exact",
  "prefix",
  "suffix",
  "paragraphStart",
  "paragraphEnd",
  "statement",
  "kind",
] as const;
const DOCUMENT_FIELDS = ["slug", "title", "author", "publication", "publishedOn"] as const;

/**
 * Brings the database in line with the shipped corpus, in one transaction: creates what
 * is missing, updates curated claims whose data changed, retires (soft-deletes) curated
 * claims no longer shipped, and leaves everything else alone, so a second run changes
 * nothing. A stored document whose text differs from the shipped one is refused.
 */
export async function writeCorpus(db: Db, documents: SeedDocument[]): Promise<SeedReport> {
  const report: SeedReport = {
    documentsCreated: 0,
    documentsUpdated: 0,
    claimsCreated: 0,
    claimsUpdated: 0,
    claimsRetired: 0,
    claimsUnchanged: 0,
  };
  await db.$transaction(
    async (tx) => {
      for (const tag of DEFAULT_TAGS) {
        await tx.tag.upsert({ where: { slug: tag.slug }, create: { ...tag }, update: {} });
      }
      const tagIds = new Map((await tx.tag.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));

      for (const doc of documents) {
        const { claims, ...fields } = doc;
        let stored = await tx.document.findUnique({ where: { fileName: doc.fileName } });
        if (stored && stored.sha256 !== doc.sha256) {
          throw new Error(
            `${doc.fileName}: the stored text (sha256 ${stored.sha256}) differs from the shipped text (sha256 ${doc.sha256}); refusing to overwrite it`,
          );
        }
        if (!stored) {
          stored = await tx.document.create({ data: fields });
          report.documentsCreated++;
        } else if (DOCUMENT_FIELDS.some((f) => stored![f] !== doc[f])) {
          stored = await tx.document.update({ where: { id: stored.id }, data: fields });
          report.documentsUpdated++;
        }
        const documentId = stored.id;

        const existing = await tx.claim.findMany({
          where: { documentId, seedKey: { not: null } },
          include: { suggestedTags: { include: { tag: true } } },
        });
        const byKey = new Map(existing.map((c) => [c.seedKey!, c]));
        for (const claim of claims) {
          const { tags, seedKey, ...data } = claim;
          const tagLinks = tags.map((slug) => ({ tagId: tagIds.get(slug)! }));
          const current = byKey.get(seedKey);
          byKey.delete(seedKey);
          if (!current) {
            await tx.claim.create({
              data: {
                ...data,
                seedKey,
                documentId,
                textHash: doc.sha256,
                status: "proposed",
                suggestedTags: { create: tagLinks },
              },
            });
            report.claimsCreated++;
            continue;
          }
          const storedTags = current.suggestedTags
            .map((s) => s.tag.slug)
            .sort()
            .join(" ");
          const changed =
            CLAIM_FIELDS.some((f) => current[f] !== data[f]) ||
            storedTags !== [...tags].sort().join(" ") ||
            current.deletedAt !== null;
          if (!changed) {
            report.claimsUnchanged++;
            continue;
          }
          await tx.suggestedTag.deleteMany({ where: { claimId: current.id } });
          await tx.claim.update({
            where: { id: current.id },
            data: {
              ...data,
              textHash: doc.sha256,
              deletedAt: null,
              version: { increment: 1 },
              suggestedTags: { create: tagLinks },
            },
          });
          await appendAudit(tx, {
            actorId: null,
            action: "claim.update-curated",
            entityType: "Claim",
            entityId: current.id,
            documentId,
            claimId: current.id,
            before: pick(current),
            after: data,
          });
          report.claimsUpdated++;
        }
        for (const retired of byKey.values()) {
          if (retired.deletedAt) continue;
          await tx.claim.update({
            where: { id: retired.id },
            data: { deletedAt: new Date(), version: { increment: 1 } },
          });
          await appendAudit(tx, {
            actorId: null,
            action: "claim.retire-curated",
            entityType: "Claim",
            entityId: retired.id,
            documentId,
            claimId: retired.id,
            before: pick(retired),
          });
          report.claimsRetired++;
        }
      }
      const changes =
        report.documentsCreated +
        report.documentsUpdated +
        report.claimsCreated +
        report.claimsUpdated +
        report.claimsRetired;
      if (changes > 0) {
        await appendAudit(tx, {
          actorId: null,
          action: "seed.run",
          entityType: "Corpus",
          entityId: "seed",
          after: report,
        });
      }
    },
    { timeout: 60_000 },
  );
  return report;
}

function pick(claim: Record<(typeof CLAIM_FIELDS)[number], unknown>) {
  return Object.fromEntries(CLAIM_FIELDS.map((f) => [f, claim[f]]));
}
