"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { TagBadge } from "@/components/tags/tag-badge";
import type { ActionResult } from "@/lib/auth/guarded-write";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { CurationItem } from "@/lib/db/curation-reads";
import type { TagView } from "@/lib/db/tags";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/validation/claim";
import styles from "./curation.module.css";
import { curationCommand, reviewerLetter } from "./curation-keys";

type Adjudicate = (input: unknown) => Promise<ActionResult<ClaimForReading>>;

interface Draft {
  tags: string[];
  status: ClaimStatus;
  reason: string;
  /** The reason was filled in by "accept" rather than typed, so another accept may replace it. */
  reasonIsAuto: boolean;
}

const EMPTY_DRAFT: Draft = { tags: [], status: "accepted", reason: "", reasonIsAuto: true };

function draftFor(item: CurationItem): Draft {
  if (item.verdict)
    return {
      tags: item.verdict.tags,
      status: item.verdict.status as ClaimStatus,
      reason: item.verdict.reason,
      reasonIsAuto: false,
    };
  return EMPTY_DRAFT;
}

const isTextField = (el: Element | null) =>
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLInputElement && el.type !== "checkbox");

/** Walks the claims reviewers disagree on, one at a time, and records a verdict for each, from the keyboard. */
export function CurationView({
  items: initial,
  tags,
  curatorName,
  adjudicate,
}: {
  items: CurationItem[];
  tags: TagView[];
  curatorName: string;
  adjudicate: Adjudicate;
}) {
  const [items, setItems] = useState(initial);
  const first = Math.max(
    0,
    initial.findIndex((i) => !i.verdict),
  );
  const [index, setIndex] = useState(first);
  const [draft, setDraft] = useState<Draft>(() => (initial[first] ? draftFor(initial[first]) : EMPTY_DRAFT));
  const [message, setMessage] = useState<{ text: string; error: boolean }>({ text: "", error: false });
  const [saving, setSaving] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const item = items[index];
  const shortcuts = useMemo(() => new Map(tags.map((t) => [t.shortcut, t.slug])), [tags]);
  const label = useMemo(() => new Map(tags.map((t) => [t.slug, t])), [tags]);
  const decided = items.filter((i) => i.verdict).length;

  const go = useCallback(
    (to: number) => {
      if (to < 0 || to >= items.length) return;
      setIndex(to);
      setDraft(draftFor(items[to]));
      setMessage({ text: "", error: false });
    },
    [items],
  );

  const nextUndecided = useCallback(
    (from: number, list = items) => {
      for (let step = 1; step <= list.length; step++) {
        const i = (from + step) % list.length;
        if (!list[i].verdict) return i;
      }
      return -1;
    },
    [items],
  );

  const accept = useCallback(
    (reviewer: number) => {
      const j = item?.judgements[reviewer];
      if (!j) return;
      setDraft((d) => ({
        ...d,
        tags: j.tags,
        reason: d.reasonIsAuto || d.reason === "" ? `Agree with ${j.reviewerName}.` : d.reason,
        reasonIsAuto: d.reasonIsAuto || d.reason === "",
      }));
    },
    [item],
  );

  const toggleTag = useCallback((slug: string) => {
    setDraft((d) => ({
      ...d,
      tags: d.tags.includes(slug) ? d.tags.filter((t) => t !== slug) : [...d.tags, slug].sort(),
    }));
  }, []);

  const save = useCallback(async () => {
    if (!item || saving) return;
    if (draft.reason.trim() === "") {
      setMessage({ text: "Say why: a verdict needs a reason (press r).", error: true });
      reasonRef.current?.focus();
      return;
    }
    setSaving(true);
    const result = await adjudicate({
      claimId: item.claimId,
      version: item.version,
      tags: draft.tags,
      status: draft.status,
      reason: draft.reason,
    });
    setSaving(false);
    if (!result.ok) {
      setMessage({ text: result.error, error: true });
      return;
    }
    const updated: CurationItem = {
      ...item,
      version: result.data.version,
      status: result.data.status,
      verdict: { tags: draft.tags, status: draft.status, reason: draft.reason.trim(), curatorName },
    };
    const list = items.map((i) => (i.claimId === item.claimId ? updated : i));
    setItems(list);
    const next = nextUndecided(index, list);
    setMessage({
      text: `Verdict saved: ${draft.tags.map((t) => label.get(t)?.label ?? t).join(" + ") || "no tag"}, ${draft.status}.${next < 0 ? " Every disagreement has a verdict." : ""}`,
      error: false,
    });
    if (next >= 0) {
      setIndex(next);
      setDraft(draftFor(list[next]));
    } else setDraft(draftFor(updated));
    (document.activeElement as HTMLElement | null)?.blur();
  }, [item, saving, draft, adjudicate, curatorName, items, index, nextUndecided, label]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = curationCommand(event, isTextField(document.activeElement), shortcuts);
      if (!command) {
        if (event.key === "Escape" && isTextField(document.activeElement))
          (document.activeElement as HTMLElement).blur();
        return;
      }
      // A focused button handles its own Enter.
      if (
        command.kind === "save" &&
        !event.ctrlKey &&
        !event.metaKey &&
        document.activeElement instanceof HTMLButtonElement
      )
        return;
      event.preventDefault();
      switch (command.kind) {
        case "next":
          return go(index + 1);
        case "previous":
          return go(index - 1);
        case "next-undecided": {
          const next = nextUndecided(index);
          return next >= 0 ? go(next) : setMessage({ text: "Every disagreement has a verdict.", error: false });
        }
        case "accept":
          return accept(command.reviewer);
        case "toggle-tag":
          return toggleTag(command.slug);
        case "focus-reason": {
          // Caret at the end, so typing adds to a prefilled reason rather than before it.
          const field = reasonRef.current;
          field?.focus();
          field?.setSelectionRange(field.value.length, field.value.length);
          return;
        }
        case "save":
          return void save();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [shortcuts, go, index, nextUndecided, accept, toggleTag, save]);

  if (!item) return <p>No claim has reviewers who disagree. Nothing to adjudicate.</p>;

  return (
    <div className={styles.layout}>
      <p className={styles.progress}>
        <span>
          Disagreement {index + 1} of {items.length}
        </span>
        <span>
          {decided} with a verdict, {items.length - decided} to go
        </span>
        <progress max={items.length} value={decided} aria-label="Disagreements with a verdict" />
      </p>
      <article className={styles.card} aria-labelledby="curation-claim">
        <h2 id="curation-claim" className="result-group-title">
          <a href={`/documents/${item.document.slug}#claim-${item.claimId}`}>{item.document.title}</a>
          <span className="claim-status">status: {item.status}</span>
        </h2>
        <p className={styles.passage}>
          {item.before}
          <mark className={styles.claim}>{item.exact}</mark>
          {item.after}
        </p>
        {item.verdict ? (
          <p className={styles.verdict}>
            <strong>Verdict</strong> by {item.verdict.curatorName}:{" "}
            {item.verdict.tags.map((t) => label.get(t)?.label ?? t).join(" + ") || "no tag"}, {item.verdict.status} —{" "}
            {item.verdict.reason}
          </p>
        ) : null}
        <h3 className="detail-heading">Reviewers</h3>
        <ul className={styles.judgements}>
          {item.judgements.map((j, i) => (
            <li key={j.reviewerId} className={styles.judgement}>
              <button type="button" className="button-quiet" onClick={() => accept(i)}>
                <span className={styles.key} aria-hidden="true">
                  {i + 1}
                </span>{" "}
                Accept {reviewerLetter(i)} · {j.reviewerName}
                <span className="visually-hidden"> (key {i + 1})</span>
              </button>
              {j.tags.map((t) => {
                const tag = label.get(t);
                return tag ? <TagBadge key={t} tag={tag} /> : <span key={t}>{t}</span>;
              })}
            </li>
          ))}
        </ul>
        <fieldset className={styles.draft}>
          <legend className="detail-heading">Final tags</legend>
          {tags.map((t) => (
            <button
              key={t.slug}
              type="button"
              className={styles.toggle}
              aria-pressed={draft.tags.includes(t.slug)}
              onClick={() => toggleTag(t.slug)}
              aria-keyshortcuts={t.shortcut}
            >
              <span className="tag-letter" style={{ "--tag": t.color } as React.CSSProperties} aria-hidden="true">
                {t.letter}
              </span>
              {t.label}
              <span className={styles.key} aria-hidden="true">
                {t.shortcut}
              </span>
            </button>
          ))}
        </fieldset>
        <div className={styles.row}>
          <label className="field">
            <span>Final status</span>
            <select
              value={draft.status}
              onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as ClaimStatus }))}
            >
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>
            Reason <span className={styles.key}>r</span>
          </span>
          <textarea
            ref={reasonRef}
            className={styles.reason}
            value={draft.reason}
            maxLength={2000}
            onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value, reasonIsAuto: false }))}
            aria-keyshortcuts="r"
          />
        </label>
        <p className={styles.row}>
          <button type="button" className="button-primary" onClick={() => void save()} disabled={saving}>
            {saving ? "Saving…" : "Save verdict"} <span className={styles.key}>Enter</span>
          </button>
          <button type="button" className="button-quiet" onClick={() => go(index - 1)} disabled={index === 0}>
            Previous <span className={styles.key}>k</span>
          </button>
          <button
            type="button"
            className="button-quiet"
            onClick={() => go(index + 1)}
            disabled={index + 1 >= items.length}
          >
            Next <span className={styles.key}>j</span>
          </button>
        </p>
        <p className={`${styles.message} ${message.error ? styles.error : ""}`} role="status">
          {message.text}
        </p>
      </article>
      <ul className={styles.legend} aria-label="Keys">
        <li>
          <span className={styles.key}>j</span>/<span className={styles.key}>k</span> next / previous
        </li>
        <li>
          <span className={styles.key}>n</span> next without a verdict
        </li>
        <li>
          <span className={styles.key}>1</span>–<span className={styles.key}>9</span> accept that reviewer's tags
        </li>
        <li>tag keys toggle a final tag</li>
        <li>
          <span className={styles.key}>r</span> reason, <span className={styles.key}>Ctrl</span>+
          <span className={styles.key}>Enter</span> save from it
        </li>
        <li>
          <span className={styles.key}>Enter</span> save
        </li>
      </ul>
    </div>
  );
}
