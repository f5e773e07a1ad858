import type { Metadata } from "next";
import { DetectLinksButton } from "@/components/links/detect-button";
import { LinkGroupCard, type LinkGroupView } from "@/components/links/link-group-card";
import { hasRole } from "@/lib/auth/current-user";
import { requireUser } from "@/lib/auth/require-user";
import { type LinkListing, listLinks } from "@/lib/db/claim-link-reads";
import { db } from "@/lib/db/client";
import { markDifferingWords } from "@/lib/links/word-diff";
import { detectLinksAction, dismissFlagAction, setLinkStateAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Discrepancies" };

function toView(l: LinkListing): LinkGroupView {
  return {
    id: l.id,
    relation: l.relation,
    state: l.state,
    origin: l.origin,
    score: l.score,
    reason: l.reason,
    version: l.version,
    flags: l.flags,
    versions: l.claims.map((c, i) => ({
      claimId: c.id,
      documentTitle: c.documentTitle || c.document,
      href: `/documents/${c.documentSlug}#claim-${c.id}`,
      pieces: markDifferingWords(
        c.exact,
        l.claims.filter((_, j) => j !== i).map((o) => o.exact),
      ),
    })),
  };
}

/** Claims across documents: flagged groups first, versions side by side with the differing words marked. */
export default async function DiscrepanciesPage() {
  const user = await requireUser("/discrepancies");
  const canWrite = hasRole(user.role, "reviewer");
  const links = await listLinks(db, { state: "all" });
  const flagged = links.filter((l) => l.flags.some((f) => !f.dismissed));
  const others = links.filter((l) => !l.flags.some((f) => !f.dismissed));
  const card = (l: LinkListing) => (
    <li key={l.id}>
      <LinkGroupCard
        link={toView(l)}
        canWrite={canWrite}
        setState={setLinkStateAction}
        dismissFlag={dismissFlagAction}
      />
    </li>
  );
  return (
    <div className="page page-wide">
      <h1>Discrepancies</h1>
      <p className="lede">
        Claims that state the same figure, fact or argument in different documents, and where their versions disagree.
        Links are suggested by the detector and only ever confirmed by a reviewer.
      </p>
      {canWrite ? <DetectLinksButton detect={detectLinksAction} /> : null}
      <h2>Flagged groups ({flagged.length})</h2>
      {flagged.length ? <ol className="link-list">{flagged.map(card)}</ol> : <p>No open discrepancies.</p>}
      <details className="link-others">
        <summary>Links without open flags ({others.length})</summary>
        <ol className="link-list">{others.map(card)}</ol>
      </details>
    </div>
  );
}
