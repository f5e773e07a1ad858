import "server-only";
import { contextsFor } from "../links/context";
import { detectLinks } from "../links/detect";
import type { DetectClaim, DetectedGroup } from "../links/types";
import { appendAudit } from "./audit";
import type { Db } from "./client";

/** Every live claim as the detector reads it, with the text leading up to it. */
export async function loadDetectClaims(db: Db): Promise<DetectClaim[]> {
  const documents = await db.document.findMany({
    select: {
      id: true,
      title: true,
      fileName: true,
      text: true,
      claims: {
        where: { deletedAt: null },
        select: { id: true, start: true, exact: true, statement: true, kind: true },
        orderBy: { start: "asc" },
      },
    },
    orderBy: { fileName: "asc" },
  });
  return documents.flatMap((d) => {
    const contexts = contextsFor(
      d.text,
      d.claims.map((c) => c.start),
    );
    return d.claims.map((c, i) => ({
      id: c.id,
      documentId: d.id,
      documentLabel: d.title || d.fileName,
      exact: c.exact,
      statement: c.statement,
      kind: c.kind,
      before: contexts[i],
    }));
  });
}

export interface DetectionReport {
  groups: number;
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/**
 * Runs the detector over the whole corpus and stores its suggestions. A re-run finds the
 * same groups by key and changes nothing; a suggestion the detector no longer makes is
 * removed; confirmed and rejected links are the reviewers' and are never touched, and a
 * flag a reviewer dismissed stays dismissed. One audit event records what changed.
 */
export async function runLinkDetection(db: Db, actorId: string | null): Promise<DetectionReport> {
  const detected = detectLinks(await loadDetectClaims(db));
  return db.$transaction(async (tx) => {
    const existing = await tx.claimLink.findMany({
      where: { origin: "detector" },
      select: { id: true, detectorKey: true, state: true, score: true, reason: true, flags: true },
    });
    const byKey = new Map(existing.map((l) => [l.detectorKey, l]));
    const report: DetectionReport = { groups: detected.length, created: 0, updated: 0, removed: 0, unchanged: 0 };
    const seen = new Set<string>();
    for (const g of detected) {
      seen.add(g.key);
      const old = byKey.get(g.key);
      if (!old) {
        await createGroup(tx, g);
        report.created++;
        continue;
      }
      if (old.state !== "suggested") {
        report.unchanged++;
        continue;
      }
      const sameFlags =
        old.flags.length === g.flags.length &&
        g.flags.every((f) => old.flags.some((o) => o.kind === f.kind && o.reason === f.reason));
      if (old.reason === g.reason && old.score === g.score && sameFlags) {
        report.unchanged++;
        continue;
      }
      await tx.claimLink.update({ where: { id: old.id }, data: { reason: g.reason, score: g.score } });
      for (const f of old.flags)
        if (!g.flags.some((n) => n.kind === f.kind) && !f.dismissedAt)
          await tx.linkFlag.delete({ where: { id: f.id } });
      for (const f of g.flags)
        await tx.linkFlag.upsert({
          where: { linkId_kind: { linkId: old.id, kind: f.kind } },
          create: { linkId: old.id, kind: f.kind, reason: f.reason },
          update: { reason: f.reason },
        });
      report.updated++;
    }
    const stale = existing.filter((l) => l.state === "suggested" && l.detectorKey && !seen.has(l.detectorKey));
    const staleIds = stale.map((l) => l.id);
    if (staleIds.length) {
      await tx.linkFlag.deleteMany({ where: { linkId: { in: staleIds } } });
      await tx.claimLinkMember.deleteMany({ where: { linkId: { in: staleIds } } });
      await tx.claimLink.deleteMany({ where: { id: { in: staleIds } } });
      report.removed = staleIds.length;
    }
    if (report.created || report.updated || report.removed)
      await appendAudit(tx, {
        actorId,
        action: "links.detect",
        entityType: "ClaimLink",
        entityId: "detector",
        after: report,
      });
    return report;
  });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function createGroup(tx: Tx, g: DetectedGroup) {
  await tx.claimLink.create({
    data: {
      relation: g.relation,
      origin: "detector",
      detectorKey: g.key,
      score: g.score,
      reason: g.reason,
      members: {
        create: g.members.map((m) => ({ claimId: m.claimId, figure: m.figure ? JSON.stringify(m.figure) : null })),
      },
      flags: { create: g.flags.map((f) => ({ kind: f.kind, reason: f.reason })) },
    },
  });
}
