"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import { CLAIM_KINDS, MAX_STATEMENT_LENGTH } from "@/lib/validation/claim";

interface Props {
  claim: ClaimForReading;
  canWrite: boolean;
  /** Bumped by the `e` shortcut: opens the editor (only a change while this claim is open counts). */
  editSignal: number;
  /** Saves; resolves true when saved. */
  onSave: (statement: string, kind: string | null) => Promise<boolean>;
}

/**
 * The claim in the reviewer's words (its statement, what a report lists) and its kind: a
 * factual claim can be checked, an argumentative one is weighed. A new claim has neither
 * until a reviewer writes them.
 */
export function ClaimStatement({ claim, canWrite, editSignal, onSave }: Props) {
  const signalAtMount = useRef(editSignal);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (editSignal !== signalAtMount.current && canWrite && !claim.deleted) setEditing(true);
  }, [editSignal, canWrite, claim.deleted]);

  if (editing) return <StatementForm claim={claim} onSave={onSave} onDone={() => setEditing(false)} />;
  return (
    <div className="detail-statement">
      {claim.statement ? <p>{claim.statement}</p> : null}
      <p className="detail-row">
        {claim.kind ? <span>Kind: {claim.kind}</span> : null}
        {canWrite && !claim.deleted ? (
          <button type="button" className="link-button" onClick={() => setEditing(true)} aria-keyshortcuts="e">
            {claim.statement ? "Edit statement" : "Write its statement"} <kbd>e</kbd>
          </button>
        ) : null}
      </p>
    </div>
  );
}

function StatementForm({
  claim,
  onSave,
  onDone,
}: {
  claim: ClaimForReading;
  onSave: Props["onSave"];
  onDone: () => void;
}) {
  const [statement, setStatement] = useState(claim.statement ?? "");
  const [kind, setKind] = useState(claim.kind ?? "");
  const [pending, setPending] = useState(false);
  const id = useId();
  async function save() {
    setPending(true);
    const saved = await onSave(statement, kind || null);
    setPending(false);
    if (saved) onDone();
  }
  return (
    <form
      className="statement-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void save();
        if (e.key === "Escape") {
          e.stopPropagation();
          onDone();
          document.querySelector<HTMLElement>(".claim-detail")?.focus();
        }
      }}
    >
      <label htmlFor={`${id}-statement`}>Statement: the claim in your words</label>
      <textarea
        id={`${id}-statement`}
        value={statement}
        rows={2}
        maxLength={MAX_STATEMENT_LENGTH}
        // biome-ignore lint/a11y/noAutofocus: only when the reviewer asked to write it (e or the button)
        autoFocus
        onChange={(e) => setStatement(e.target.value)}
      />
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
        <option value="">not set</option>
        {CLAIM_KINDS.map((k) => (
          <option key={k} value={k}>
            {k === "factual" ? "factual (can be checked)" : "argumentative (an opinion or argument)"}
          </option>
        ))}
      </select>
      <div className="note-editor-bar">
        <span className="field-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> save · <kbd>Esc</kbd> cancel
        </span>
        <button type="button" className="button-quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button-small" disabled={pending}>
          Save
        </button>
      </div>
    </form>
  );
}
