"use client";

import { useCallback, useEffect, useId, useState, useTransition } from "react";
import type { ClaimLinkView } from "@/lib/db/claim-link-reads";
import type { LinkTarget } from "@/lib/db/link-targets";
import { LINK_RELATIONS, type LinkRelation } from "@/lib/links/types";
import type { LinkActions } from "./link-actions";

interface Props {
  claimId: string;
  canWrite: boolean;
  actions: LinkActions;
}

const RELATION: Record<string, string> = {
  "same-figure": "same figure",
  "related-figure": "related figure",
  "same-fact": "same fact",
  "same-argument": "same argument",
  contradicts: "contradicts",
};

/** "Also in: <document> (n)" for the selected claim, its open flags, and manual link / unlink. */
export function ClaimLinks({ claimId, canWrite, actions }: Props) {
  const headingId = useId();
  const [links, setLinks] = useState<ClaimLinkView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [q, setQ] = useState("");
  const [targets, setTargets] = useState<LinkTarget[]>([]);
  const [relation, setRelation] = useState<LinkRelation>("same-fact");
  const [pending, start] = useTransition();

  const load = useCallback(async () => {
    const r = await actions.loadClaimLinks({ claimId });
    if (r.ok) setLinks(r.data);
    else setMessage(r.error);
  }, [actions, claimId]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = (action: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const r = await action();
      setMessage(r.ok ? null : (r.error ?? "That did not work."));
      if (r.ok) await load();
    });

  const live = (links ?? []).filter((l) => l.state !== "rejected");
  // One entry per document, counting the linked claims there.
  const byDocument = new Map<string, { title: string; href: string; count: number }>();
  for (const l of live)
    for (const c of l.others) {
      const entry = byDocument.get(c.documentSlug);
      if (entry) entry.count++;
      else
        byDocument.set(c.documentSlug, {
          title: c.documentTitle || c.document,
          href: `/documents/${c.documentSlug}#claim-${c.id}`,
          count: 1,
        });
    }
  const openFlags = live.flatMap((l) => l.flags.filter((f) => !f.dismissed));

  return (
    <section className="claim-links" aria-labelledby={headingId}>
      <h3 className="detail-heading" id={headingId}>
        Across documents
      </h3>
      {links === null ? <p className="field-hint">Loading links…</p> : null}
      {links !== null && byDocument.size === 0 ? <p className="field-hint">Not linked to other documents.</p> : null}
      {byDocument.size ? (
        <p className="also-in">
          Also in:{" "}
          {[...byDocument.values()].map((d, i) => (
            <span key={d.href}>
              {i ? ", " : ""}
              <a href={d.href}>{d.title}</a> ({d.count})
            </span>
          ))}
        </p>
      ) : null}
      {openFlags.length ? (
        <ul className="link-flags" aria-label="Discrepancies">
          {openFlags.map((f) => (
            <li key={f.id} className="link-flag">
              <span className="link-flag-kind">
                <span aria-hidden="true">⚠ </span>
                {f.kind}:
              </span>{" "}
              {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {live.length ? (
        <ul className="claim-link-list">
          {live.map((l) => (
            <li key={l.id}>
              {RELATION[l.relation] ?? l.relation} ({l.state}) with {l.others.length} claim(s){" "}
              <a href={`/discrepancies#link-${l.id}`}>review</a>
              {canWrite ? (
                <button
                  type="button"
                  className="button-quiet"
                  disabled={pending}
                  onClick={() => run(() => actions.unlinkClaim({ linkId: l.id, claimId, version: l.version }))}
                >
                  Unlink
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite && !picking ? (
        <button type="button" className="button-quiet" onClick={() => setPicking(true)}>
          Link to…
        </button>
      ) : null}
      {picking ? (
        <form
          className="link-picker"
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              const r = await actions.findLinkTargets({ claimId, q });
              setMessage(r.ok ? null : r.error);
              setTargets(r.ok ? r.data : []);
            });
          }}
        >
          <label htmlFor={`${headingId}-q`}>Find a claim in another document</label>
          <input id={`${headingId}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          <label htmlFor={`${headingId}-rel`}>Relation</label>
          <select
            id={`${headingId}-rel`}
            value={relation}
            onChange={(e) => setRelation(e.target.value as LinkRelation)}
          >
            {LINK_RELATIONS.map((r) => (
              <option key={r} value={r}>
                {RELATION[r]}
              </option>
            ))}
          </select>
          <div className="link-actions">
            <button type="submit" className="button-quiet" disabled={pending}>
              Find
            </button>
            <button type="button" className="button-quiet" onClick={() => setPicking(false)}>
              Close
            </button>
          </div>
          {targets.length ? (
            <ul className="link-targets">
              {targets.map((t) => (
                <li key={t.claimId}>
                  <span className="meta">{t.documentTitle}:</span> {t.exact}{" "}
                  <button
                    type="button"
                    className="button-quiet"
                    disabled={pending}
                    onClick={() =>
                      run(() => actions.createLink({ claimIds: [claimId, t.claimId], relation, note: "" }))
                    }
                  >
                    Link
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </form>
      ) : null}
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}
