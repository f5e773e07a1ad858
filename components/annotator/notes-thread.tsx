"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { NoteForReading } from "@/lib/notes/notes-for-reading";
import { MAX_NOTE_LENGTH } from "@/lib/validation/note";
import type { NoteActions } from "./annotator-actions";
import { NOTES_CHANGED_EVENT } from "./use-live-events";
import type { Viewer } from "./viewer";

type LoadedNote = NoteForReading;

interface Props {
  claimId: string;
  viewer: Viewer;
  /** Bumped by the "n" shortcut to focus the new-note box. */
  focusSignal: number;
  /** Notes can be read but not added (a deleted claim). */
  readOnly?: boolean;
  onCountChange: (count: number) => void;
  actions: NoteActions;
}

/**
 * Unsent note text survives choosing another claim and reloading the page (kept per claim and
 * box in the tab's sessionStorage), and leaving the page with text in a box asks first.
 */
function useDraft(key: string | undefined, initial: string) {
  const [kept] = useState(() => (key ? draftStore.read(key) : null));
  const [body, setBody] = useState(kept ?? initial);
  const update = useCallback(
    (next: string) => {
      setBody(next);
      if (key) draftStore.write(key, next && next !== initial ? next : null);
    },
    [initial, key],
  );
  const unsent = body !== initial && body.trim() !== "";
  useEffect(() => {
    if (!unsent) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsent]);
  return { body, update, restored: kept !== null && unsent };
}

/** sessionStorage, which a browser may refuse (storage disabled): then drafts are simply not kept. */
const draftStore = {
  read(key: string): string | null {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  write(key: string, value: string | null) {
    try {
      if (value === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    } catch {
      // not kept
    }
  },
};

function NoteEditor({
  label,
  initial = "",
  draftKey,
  onSubmit,
  onCancel,
  autoFocus,
}: {
  label: string;
  initial?: string;
  /** Where the unsent text is kept (see useDraft); none: it is not kept. */
  draftKey?: string;
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { body, update: setBody, restored } = useDraft(draftKey, initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = useId();
  async function submit() {
    setPending(true);
    const problem = await onSubmit(body);
    setPending(false);
    setError(problem);
    if (!problem) setBody("");
  }
  return (
    <form
      className="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        value={body}
        placeholder="Markdown: **bold**, [link](https://…), - lists"
        // biome-ignore lint/a11y/noAutofocus: only when the reviewer asked to write (n, Reply, Edit)
        autoFocus={autoFocus}
        rows={3}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void submit();
          if (e.key !== "Escape") return;
          // Escape leaves the box (its text is kept): the claim's shortcuts work again at once.
          if (onCancel) onCancel();
          else e.currentTarget.closest<HTMLElement>("[data-focus-return]")?.focus();
        }}
      />
      <div className="note-editor-bar">
        <span className={body.length > MAX_NOTE_LENGTH ? "field-error" : "field-hint"}>
          {body.length.toLocaleString("en")} / {MAX_NOTE_LENGTH.toLocaleString("en")}
          {restored ? " · unsent draft kept" : ""}
        </span>
        <span className="field-hint note-keys">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {label.toLowerCase()} · <kbd>Esc</kbd> leave
        </span>
        {onCancel ? (
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button-small" disabled={pending}>
          {label}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** A claim's notes as a thread: markdown rendered sanitized by the server, replies, edits with history. */
export function NotesThread({ claimId, viewer, focusSignal, readOnly, onCountChange, actions }: Props) {
  const [notes, setNotes] = useState<LoadedNote[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const canWrite = viewer.role !== "viewer" && !readOnly;
  // Only an `n` pressed while this claim is open focuses the box: the thread is mounted afresh
  // for each claim, so a signal from an earlier claim must not pull the focus into this one.
  const signalAtMount = useRef(focusSignal);

  // Held in a ref so a parent re-render does not reload the thread.
  const countChanged = useRef(onCountChange);
  countChanged.current = onCountChange;

  const reload = useCallback(async () => {
    const result = await actions.loadNotes({ claimId });
    if (result.ok) {
      setNotes(result.data);
      countChanged.current(result.data.filter((n) => !n.deleted).length);
    } else setError(result.error);
  }, [actions, claimId]);

  useEffect(() => {
    setNotes(null);
    setReplyTo(null);
    setEditing(null);
    void reload();
  }, [reload]);

  // Someone else added, edited or deleted a note here (use-live-events.ts): the thread gains it.
  useEffect(() => {
    const onChanged = (event: Event) => {
      if ((event as CustomEvent<{ claimId: string }>).detail.claimId === claimId) void reload();
    };
    window.addEventListener(NOTES_CHANGED_EVENT, onChanged);
    return () => window.removeEventListener(NOTES_CHANGED_EVENT, onChanged);
  }, [claimId, reload]);

  async function write(result: Promise<{ ok: boolean; error?: string }>): Promise<string | null> {
    const r = await result;
    if (!r.ok) return r.error ?? "The note could not be saved.";
    setReplyTo(null);
    setEditing(null);
    await reload();
    return null;
  }

  function renderNote(note: LoadedNote, depth: number): React.ReactNode {
    const replies = (notes ?? []).filter((n) => n.parentId === note.id);
    const mine = note.authorId === viewer.id || viewer.role === "admin";
    return (
      <li key={note.id} className="note" data-note-id={note.id}>
        <div className="note-head">
          <strong>{note.authorName}</strong>
          <time dateTime={note.createdAt}>
            {new Date(note.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
          </time>
          {note.revisionCount > 0 && !note.deleted ? <span className="claim-flag">edited</span> : null}
        </div>
        {note.deleted ? (
          <p className="note-deleted">Note deleted.</p>
        ) : editing === note.id ? (
          <NoteEditor
            label="Save"
            initial={note.body}
            autoFocus
            onCancel={() => setEditing(null)}
            onSubmit={(body) => write(actions.editNote({ noteId: note.id, version: note.version, body }))}
          />
        ) : (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: note.html comes from lib/notes/render-markdown (sanitize-html)
          <div className="note-body" dangerouslySetInnerHTML={{ __html: note.html }} />
        )}
        {!note.deleted && canWrite && editing !== note.id ? (
          <div className="note-actions">
            {depth < 3 ? (
              <button type="button" className="link-button" onClick={() => setReplyTo(note.id)}>
                Reply
              </button>
            ) : null}
            {mine ? (
              <>
                <button type="button" className="link-button" onClick={() => setEditing(note.id)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void write(actions.deleteNote({ noteId: note.id, version: note.version }))}
                >
                  Delete
                </button>
              </>
            ) : null}
          </div>
        ) : null}
        {replyTo === note.id ? (
          <NoteEditor
            label="Reply"
            draftKey={`claimbook:reply-draft:${note.id}`}
            autoFocus
            onCancel={() => setReplyTo(null)}
            onSubmit={(body) => write(actions.addNote({ claimId, parentId: note.id, body }))}
          />
        ) : null}
        {replies.length ? <ol className="note-replies">{replies.map((r) => renderNote(r, depth + 1))}</ol> : null}
      </li>
    );
  }

  return (
    <section className="notes" aria-label="Notes">
      <h3 className="detail-heading">Notes</h3>
      {error ? <p className="field-error">{error}</p> : null}
      {notes === null ? (
        <p className="field-hint">Loading notes…</p>
      ) : notes.length === 0 ? (
        <p className="field-hint">No notes yet.</p>
      ) : (
        <ol className="note-list">{notes.filter((n) => !n.parentId).map((n) => renderNote(n, 0))}</ol>
      )}
      {canWrite ? (
        <NoteEditor
          key={focusSignal}
          label="Add note"
          draftKey={`claimbook:note-draft:${claimId}`}
          autoFocus={focusSignal !== signalAtMount.current}
          onSubmit={(body) => write(actions.addNote({ claimId, parentId: null, body }))}
        />
      ) : null}
    </section>
  );
}
