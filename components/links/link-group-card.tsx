"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { DiffPiece } from "@/lib/links/word-diff";

export interface LinkGroupView {
  id: string;
  relation: string;
  state: string;
  origin: string;
  score: number | null;
  reason: string;
  version: number;
  flags: { id: string; kind: string; reason: string; dismissed: boolean; dismissReason: string | null }[];
  versions: { claimId: string; documentTitle: string; href: string; pieces: DiffPiece[] }[];
}

type Result = { ok: true } | { ok: false; error: string };

interface Props {
  link: LinkGroupView;
  canWrite: boolean;
  setState: (input: {
    linkId: string;
    version: number;
    state: "confirmed" | "rejected" | "suggested";
  }) => Promise<Result>;
  dismissFlag: (input: { flagId: string; reason: string }) => Promise<Result>;
}

const RELATION_LABEL: Record<string, string> = {
  "same-figure": "Same figure",
  "related-figure": "Related figure (same measure)",
  "same-fact": "Same fact",
  "same-argument": "Same argument",
  contradicts: "Contradicts",
};

const FLAG_LABEL: Record<string, string> = {
  period: "Period differs",
  figure: "Figures differ",
  verb: "Verb differs",
  qualifier: "Qualifier differs",
  source: "Source differs",
  contradiction: "May contradict",
};

/** One group of linked claims: its flags with reasons, the versions side by side, and the reviewer's decisions. */
export function LinkGroupCard({ link, canWrite, setState, dismissFlag }: Props) {
  const router = useRouter();
  const titleId = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [pending, start] = useTransition();

  const run = (action: () => Promise<Result>) =>
    start(async () => {
      const r = await action();
      setMessage(r.ok ? null : r.error);
      if (r.ok) {
        setDismissing(null);
        setReason("");
        router.refresh();
      }
    });

  return (
    <article
      id={`link-${link.id}`}
      className={`link-card link-${link.state}`}
      aria-labelledby={titleId}
      data-link={link.id}
    >
      <header className="link-card-head">
        <h2 id={titleId} className="link-title">
          {RELATION_LABEL[link.relation] ?? link.relation}
        </h2>
        <span className={`link-state link-state-${link.state}`}>{link.state}</span>
        <span className="meta">
          {link.origin === "detector"
            ? `suggested by the detector${link.score === null ? "" : `, score ${link.score.toFixed(2)}`}`
            : "linked by a reviewer"}
        </span>
      </header>
      <p className="link-reason">{link.reason}</p>
      {link.flags.length ? (
        <ul className="link-flags" aria-label="Discrepancies">
          {link.flags.map((f) => (
            <li key={f.id} className={f.dismissed ? "link-flag link-flag-dismissed" : "link-flag"}>
              <span className="link-flag-kind">
                <span aria-hidden="true">{f.dismissed ? "✓ " : "⚠ "}</span>
                {FLAG_LABEL[f.kind] ?? f.kind}
                {f.dismissed ? " (dismissed)" : ""}:
              </span>{" "}
              {f.reason}
              {f.dismissed ? <span className="meta"> Dismissed because: {f.dismissReason}</span> : null}
              {canWrite && !f.dismissed && dismissing !== f.id ? (
                <button type="button" className="button-quiet" onClick={() => setDismissing(f.id)}>
                  Dismiss…
                </button>
              ) : null}
              {dismissing === f.id ? (
                <form
                  className="dismiss-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    run(() => dismissFlag({ flagId: f.id, reason }));
                  }}
                >
                  <label htmlFor={`${f.id}-reason`}>Why does this flag not hold?</label>
                  <textarea
                    id={`${f.id}-reason`}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    rows={2}
                    required
                    minLength={3}
                    maxLength={1000}
                  />
                  <div className="link-actions">
                    <button type="submit" className="button-primary" disabled={pending}>
                      Dismiss flag
                    </button>
                    <button type="button" className="button-quiet" onClick={() => setDismissing(null)}>
                      Cancel
                    </button>
                  </div>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="link-versions">
        {link.versions.map((v) => (
          <section key={v.claimId} className="link-version" aria-label={`Version in ${v.documentTitle}`}>
            <h3 className="link-version-doc">
              <Link href={v.href}>{v.documentTitle}</Link>
            </h3>
            <p className="link-version-text">
              {v.pieces.map((p, i) =>
                p.differs ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: pieces are a fixed split of one text
                  <mark key={i} className="diff-word">
                    {p.text}
                  </mark>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: pieces are a fixed split of one text
                  <span key={i}>{p.text}</span>
                ),
              )}
            </p>
          </section>
        ))}
      </div>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      {canWrite ? (
        <div className="link-actions">
          {link.state !== "confirmed" ? (
            <button
              type="button"
              className="button-primary"
              disabled={pending}
              onClick={() => run(() => setState({ linkId: link.id, version: link.version, state: "confirmed" }))}
            >
              Confirm link
            </button>
          ) : null}
          {link.state !== "rejected" ? (
            <button
              type="button"
              className="button-quiet"
              disabled={pending}
              onClick={() => run(() => setState({ linkId: link.id, version: link.version, state: "rejected" }))}
            >
              Reject link
            </button>
          ) : null}
          {link.state !== "suggested" ? (
            <button
              type="button"
              className="button-quiet"
              disabled={pending}
              onClick={() => run(() => setState({ linkId: link.id, version: link.version, state: "suggested" }))}
            >
              Reopen
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
