"use client";

import { ClaimLinks } from "@/components/links/claim-links";
import type { LinkActions } from "@/components/links/link-actions";
import { TagBadge } from "@/components/tags/tag-badge";
import type { SpanStep } from "@/lib/anchoring/word-steps";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { TagView } from "@/lib/db/tags";
import { hasDisagreement, tagSetsByReviewer } from "@/lib/tags/agreement";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/validation/claim";
import type { NoteActions } from "./annotator-actions";
import { ClaimStatement } from "./claim-statement";
import { NotesThread } from "./notes-thread";
import type { Viewer } from "./viewer";

interface Props {
  claim: ClaimForReading;
  number: number;
  tags: TagView[];
  viewer: Viewer;
  noteFocusSignal: number;
  describeSignal: number;
  noteActions: NoteActions & Partial<LinkActions>;
  onToggleTag: (slug: string) => void;
  onSetStatus: (status: ClaimStatus) => void;
  onDescribe: (statement: string, kind: string | null) => Promise<boolean>;
  onStep: (step: SpanStep) => void;
  onToggleDeleted: () => void;
  onNoteCount: (count: number) => void;
  onClose: () => void;
}

const STEPS: { step: SpanStep; label: string; short: string; key: string }[] = [
  { step: "start-earlier", label: "Start one word earlier", short: "← start", key: "[" },
  { step: "start-later", label: "Start one word later", short: "start →", key: "{" },
  { step: "end-earlier", label: "End one word earlier", short: "← end", key: "}" },
  { step: "end-later", label: "End one word later", short: "end →", key: "]" },
];

const isLinkActions = (a: Partial<LinkActions>): a is LinkActions =>
  Boolean(a.loadClaimLinks && a.findLinkTargets && a.createLink && a.unlinkClaim);

/** The selected claim: its passage, every reviewer's tags, status, span controls and notes. */
export function ClaimDetail({
  claim,
  number,
  tags,
  viewer,
  noteFocusSignal,
  describeSignal,
  noteActions,
  onToggleTag,
  onSetStatus,
  onDescribe,
  onStep,
  onToggleDeleted,
  onNoteCount,
  onClose,
}: Props) {
  const canWrite = viewer.role !== "viewer";
  const mine = new Set(claim.reviewerTags.filter((t) => t.reviewerId === viewer.id).map((t) => t.tag));
  const byReviewer = tagSetsByReviewer(claim.reviewerTags);
  const names = new Map(claim.reviewerTags.map((t) => [t.reviewerId, t.reviewerName]));
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]));
  return (
    // tabIndex -1: Escape in a note box hands the focus back here, where the claim's shortcuts work.
    <section
      className="claim-detail"
      data-claim-id={claim.id}
      aria-label={claim.deleted ? "Deleted claim" : `Claim ${number}`}
      tabIndex={-1}
      data-focus-return
    >
      <div className="detail-title">
        <h3>{claim.deleted ? "Deleted claim" : `Claim ${number}`}</h3>
        <span className="claim-flag">v{claim.version}</span>
        <button type="button" className="button-quiet detail-close" onClick={onClose} aria-label="Close claim">
          ×
        </button>
      </div>
      <blockquote className="detail-quote">{claim.exact}</blockquote>
      <ClaimStatement claim={claim} canWrite={canWrite} editSignal={describeSignal} onSave={onDescribe} />

      <h3 className="detail-heading">Your tags</h3>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons, not a form section; a fieldset would add a legend and border */}
      <div className="tag-picker" role="group" aria-label="Your tags">
        {tags.map((tag) => (
          <button
            key={tag.slug}
            type="button"
            className="tag-toggle"
            aria-pressed={mine.has(tag.slug)}
            disabled={!canWrite || claim.deleted}
            onClick={() => onToggleTag(tag.slug)}
            style={{ "--tag": tag.color } as React.CSSProperties}
          >
            <span aria-hidden="true" className="tag-letter">
              {tag.letter}
            </span>
            {tag.label}
            <kbd aria-label={`shortcut ${tag.shortcut}`}>{tag.shortcut}</kbd>
          </button>
        ))}
      </div>
      {claim.suggestedTags.length ? (
        <p className="detail-row">
          Suggested:{" "}
          {claim.suggestedTags.map((slug) => {
            const tag = tagBySlug.get(slug);
            return tag ? <TagBadge key={slug} tag={tag} muted /> : null;
          })}
        </p>
      ) : null}
      {byReviewer.size ? (
        <ul className="reviewer-tags" aria-label="Tags by reviewer">
          {[...byReviewer].map(([reviewerId, slugs]) => (
            <li key={reviewerId}>
              <span>{reviewerId === viewer.id ? "You" : names.get(reviewerId)}</span>
              {slugs.map((slug) => {
                const tag = tagBySlug.get(slug);
                return tag ? <TagBadge key={slug} tag={tag} /> : null;
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {claim.verdict ? (
        <p className="detail-row">
          <strong>Final (curator):</strong>{" "}
          {claim.verdict.tags.map((slug) => {
            const tag = tagBySlug.get(slug);
            return tag ? <TagBadge key={slug} tag={tag} /> : null;
          })}
          {claim.verdict.tags.length ? null : "no tag"} — {claim.verdict.reason}
        </p>
      ) : null}
      {hasDisagreement(claim.reviewerTags) ? (
        <p className="claim-flag claim-flag-warn">Reviewers disagree on this claim’s tags.</p>
      ) : null}

      <div className="detail-controls">
        <label className="status-field">
          Status
          <select
            value={claim.status}
            disabled={!canWrite || claim.deleted}
            onChange={(e) => onSetStatus(e.target.value as ClaimStatus)}
          >
            {CLAIM_STATUSES.map((s, i) => (
              <option key={s} value={s}>
                {s} ({i + 1})
              </option>
            ))}
          </select>
        </label>
        {canWrite ? (
          <button type="button" className="button-quiet" onClick={onToggleDeleted}>
            {claim.deleted ? "Restore claim" : "Delete claim"} <kbd>x</kbd>
          </button>
        ) : null}
      </div>
      {canWrite && !claim.deleted ? (
        // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form section
        <div className="span-controls" role="group" aria-label="Adjust the passage">
          {STEPS.map(({ step, label, short, key }) => (
            <button
              key={step}
              type="button"
              className="button-quiet span-step"
              aria-label={label}
              aria-keyshortcuts={key}
              title={`${label} (${key})`}
              onClick={() => onStep(step)}
            >
              {short} <kbd>{key}</kbd>
            </button>
          ))}
          <span className="field-hint">
            or select new text (with the mouse, or <kbd>v</kbd> by keyboard) and press <kbd>r</kbd>
          </span>
        </div>
      ) : null}
      {viewer.role === "admin" ? (
        <p className="detail-row">
          <a href={`/admin/audit?claim=${claim.id}`}>History of this claim</a>
        </p>
      ) : null}
      {!canWrite ? (
        <p className="field-hint">You can read claims; ask an admin for reviewer access to change them.</p>
      ) : null}
      {isLinkActions(noteActions) ? <ClaimLinks claimId={claim.id} canWrite={canWrite} actions={noteActions} /> : null}
      <NotesThread
        claimId={claim.id}
        viewer={viewer}
        focusSignal={noteFocusSignal}
        readOnly={claim.deleted}
        onCountChange={onNoteCount}
        actions={noteActions}
      />
    </section>
  );
}
