import type { Metadata } from "next";
import Link from "next/link";
import { AuditEntry } from "@/components/admin/audit-entry";
import { RestoreVersionButton } from "@/components/admin/restore-version-button";
import { requireAdmin } from "@/lib/auth/require-admin";
import { auditFilterChoices, listAuditEvents } from "@/lib/db/audit-reads";
import { getClaimForReading } from "@/lib/db/claim-reads";
import { db } from "@/lib/db/client";
import { listTags } from "@/lib/db/tags";
import { auditQuerySchema } from "@/lib/validation/audit";
import { restoreVersionAction } from "./actions";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Search) {
  await requireAdmin("/admin/audit");
  const filter = auditQuerySchema.parse(await searchParams);
  const [{ rows, nextCursor }, choices, claim, tags] = await Promise.all([
    listAuditEvents(db, filter),
    auditFilterChoices(db),
    filter.claim ? getClaimForReading(db, filter.claim) : null,
    listTags(db),
  ]);
  const tagLabels = new Map(tags.map((t) => [t.slug, t.label]));
  const next = new URLSearchParams(
    Object.entries({ ...filter, cursor: nextCursor ?? undefined }).filter((e): e is [string, string] => !!e[1]),
  );
  return (
    <section className="page page-wide">
      <h1>{claim ? "Claim history" : "Audit log"}</h1>
      <p className="lede">Every change, newest first. The log is append-only: nothing here can be edited or removed.</p>
      {claim ? (
        <p className="notice">
          Claim now: “{claim.exact}” · {claim.deleted ? "deleted" : claim.status} · version {claim.version}. “Restore
          this version” puts back the claim as it was before that change.
        </p>
      ) : null}
      <form className="filters" method="get">
        <label>
          User
          <select name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">anyone</option>
            {choices.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </label>
        <label>
          Document
          <select name="document" defaultValue={filter.document ?? ""}>
            <option value="">any</option>
            {choices.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Claim id
          <input name="claim" defaultValue={filter.claim ?? ""} />
        </label>
        <button type="submit" className="button-small">
          Filter
        </button>
        <Link href="/admin/audit">Clear</Link>
      </form>
      <div className="table-scroll">
        <table className="data-table audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td>
                  <time dateTime={r.at.toISOString()}>{r.at.toISOString().replace("T", " ").slice(0, 19)}</time>
                </td>
                <td>
                  {r.actorName}
                  {r.actorEmail ? <span className="audit-email">{r.actorEmail}</span> : null}
                </td>
                <td className="audit-change">
                  <AuditEntry row={r} tagLabels={tagLabels} />
                  {r.claimId && !claim ? (
                    <Link href={`/admin/audit?claim=${encodeURIComponent(r.claimId)}`} className="audit-history-link">
                      claim history
                    </Link>
                  ) : null}
                  {claim && r.before && r.claimId === claim.id ? (
                    <RestoreVersionButton
                      claimId={claim.id}
                      version={claim.version}
                      eventId={r.id}
                      restoreVersion={restoreVersionAction}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p>No events match.</p> : null}
      {nextCursor ? (
        <p>
          <Link href={`/admin/audit?${next}`}>Older events →</Link>
        </p>
      ) : null}
    </section>
  );
}
