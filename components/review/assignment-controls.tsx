"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guarded-write";
import styles from "./review.module.css";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/** A curator picks a document and a reviewer and assigns one to the other. */
export function AssignForm({
  documents,
  reviewers,
  assign,
}: {
  documents: { id: string; title: string }[];
  reviewers: { id: string; name: string; email: string }[];
  assign: Action;
}) {
  const router = useRouter();
  const [documentId, setDocumentId] = useState(documents[0]?.id ?? "");
  const [reviewerId, setReviewerId] = useState(reviewers[0]?.id ?? "");
  const [message, setMessage] = useState("");
  const [pending, start] = useTransition();
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        start(async () => {
          const result = await assign({ documentId, reviewerId });
          setMessage(result.ok ? "Assigned." : result.error);
          if (result.ok) router.refresh();
        });
      }}
    >
      <label className="field">
        <span>Document</span>
        <select value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Reviewer</span>
        <select value={reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
          {reviewers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.email})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button-primary" disabled={pending || !documentId || !reviewerId}>
        Assign
      </button>
      <span role="status" className="field-hint">
        {message}
      </span>
    </form>
  );
}

/** A small button that runs one action with a fixed input and refreshes the page. */
export function ActionButton({
  label,
  input,
  action,
  done,
}: {
  label: string;
  input: unknown;
  action: Action;
  /** What to say when it worked. */
  done: string;
}) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [pending, start] = useTransition();
  return (
    <span>
      <button
        type="button"
        className="button-quiet"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action(input);
            setMessage(result.ok ? done : result.error);
            if (result.ok) router.refresh();
          })
        }
      >
        {label}
      </button>
      <span role="status" className="field-hint">
        {message ? ` ${message}` : ""}
      </span>
    </span>
  );
}
