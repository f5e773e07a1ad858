import Link from "next/link";
import { describeAuditEvent } from "@/lib/audit/describe-event";
import type { AuditRow } from "@/lib/db/audit-reads";

const MAX_QUOTE = 90;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `“${flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat}”`;
}

function pretty(json: string | null): string {
  if (!json) return "none";
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/**
 * One audit event as a sentence — who did what to which claim (its passage, linked to it in
 * the document), before → after in words — with the stored JSON behind a "details" toggle.
 */
export function AuditEntry({ row, tagLabels }: { row: AuditRow; tagLabels: Map<string, string> }) {
  const parse = (json: string | null): unknown => {
    if (!json) return null;
    try {
      return JSON.parse(json);
    } catch {
      return null;
    }
  };
  const d = describeAuditEvent({
    action: row.action,
    before: parse(row.before),
    after: parse(row.after),
    tagLabels,
    subjectName: row.subjectName,
  });
  const docLink = row.documentSlug ? `/documents/${encodeURIComponent(row.documentSlug)}` : null;
  let target: React.ReactNode = null;
  if (row.claimId) {
    const text = row.claimText ? quote(row.claimText) : "(no longer stored)";
    target = (
      <>
        claim{" "}
        {docLink && row.claimText && !row.claimDeleted ? (
          <Link href={`${docLink}#claim-${encodeURIComponent(row.claimId)}`}>{text}</Link>
        ) : (
          <span>{text}</span>
        )}
        {row.claimDeleted ? " (deleted)" : null}
        {row.documentTitle ? (
          <>
            {" "}
            in <em>{row.documentTitle}</em>
          </>
        ) : null}
      </>
    );
  } else if (row.entityType === "Document" && row.documentTitle) {
    target = docLink ? <Link href={docLink}>{row.documentTitle}</Link> : <em>{row.documentTitle}</em>;
  }
  return (
    <div className="audit-entry">
      <p className="audit-sentence">
        <strong>{row.actorName}</strong> {d.verb}
        {d.object ? <> {d.object}</> : null}
        {target ? <> {target}</> : null}
        {d.detail ? <> {d.detail}</> : null}.
      </p>
      {d.changes.length ? (
        <ul className="audit-changes">
          {d.changes.map((c) => (
            <li key={c.label}>
              {c.label}: {c.before} <span aria-hidden="true">→</span>
              <span className="visually-hidden">changed to</span> {c.after}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="audit-details">
        <summary>details</summary>
        <dl>
          <dt>event</dt>
          <dd>
            <code>{row.action}</code> on {row.entityType} <code>{row.entityId}</code>
          </dd>
          <dt>before</dt>
          <dd>
            <pre>{pretty(row.before)}</pre>
          </dd>
          <dt>after</dt>
          <dd>
            <pre>{pretty(row.after)}</pre>
          </dd>
        </dl>
      </details>
    </div>
  );
}
