"use client";

import { TagBadge } from "@/components/tags/tag-badge";
import type { SpanStep } from "@/lib/anchoring/word-steps";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { TagView } from "@/lib/db/tags";
import { hasDisagreement, tagSetsByReviewer } from "@/lib/tags/agreement";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/validation/claim";
import type { NoteActions } from "./annotator-actions";
import { NotesThread } from "./notes-thread";
import type { Viewer } from "./viewer";

interface Props {
  claim: ClaimForReading;
  number: number;
  tags: TagView[];
  viewer: Viewer;
  noteFocusSignal: number;
  noteActions: NoteActions;
  onToggleTag: (slug: string) => void;
  onSetStatus: (status: ClaimStatus) => void;
  onStep: (step: SpanStep) => void;
  onToggleDeleted: () => void;
  onNoteCount: (count: number) => void;
  onClose: () => void;
}

const STEPS: { step: SpanStep; label: string; key: string }[] = [
  { step: "start-earlier", label: "Start one word earlier", key: "[" },
  { step: "start-later", label: "Start one word later", key: "{" },
  { step: "end-earlier", label: "End one word earlier", key: "}" },
  { step: "end-later", label: "End one word later", key: "]" },
];

/** The selected claim: its passage, every reviewer's tags, status, span controls and notes. */
export function ClaimDetail({
  claim,
  number,
  tags,
  viewer,
  noteFocusSignal,
  noteActions,
  onToggleTag,
  onSetStatus,
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
    <section className="claim-detail" aria-label={`Claim ${number}`}>
      <div className="detail-title">
        <h3>Claim {number}</h3>
        {claim.deleted ? <span className="claim-flag claim-flag-warn">deleted</span> : null}
        <span className="claim-flag">v{claim.version}</span>
        <button type="button" className="button-quiet detail-close" onClick={onClose} aria-label="Close claim">
          ×
        </button>
      </div>
      <blockquote className="detail-quote">{claim.exact}</blockquote>
      {claim.statement ? <p className="detail-statement">{claim.statement}</p> : null}

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
          {STEPS.map(({ step, label, key }) => (
            <button
              key={step}
              type="button"
              className="button-quiet"
              aria-label={label}
              title={label}
              onClick={() => onStep(step)}
            >
              {key}
            </button>
          ))}
          <span className="field-hint">or select new text and press r</span>
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
      <NotesThread
        claimId={claim.id}
        viewer={viewer}
        focusSignal={noteFocusSignal}
        onCountChange={onNoteCount}
        actions={noteActions}
      />
    </section>
  );
}
