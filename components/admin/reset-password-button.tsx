"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guarded-write";
import { CopyButton } from "./copy-button";

interface Props {
  user: { id: string; name: string };
  /** The server action that sets a generated password (passed in by the page). */
  resetPassword: (input: unknown) => Promise<ActionResult<{ email: string; generatedPassword: string }>>;
}

/**
 * "New password" for an account whose owner forgot theirs: asks first (it signs them out
 * everywhere), then shows the generated password once, to hand over.
 */
export function ResetPasswordButton({ user, resetPassword }: Props) {
  const [asking, setAsking] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const opener = useRef<HTMLButtonElement>(null);

  const confirm = () =>
    start(async () => {
      const result = await resetPassword({ userId: user.id });
      setAsking(false);
      if (result.ok) {
        setError(null);
        setGenerated(result.data.generatedPassword);
      } else {
        setError(result.error);
      }
    });

  return (
    <div className="access-controls">
      <button
        ref={opener}
        type="button"
        className="button-quiet"
        disabled={pending}
        onClick={() => {
          setGenerated(null);
          setError(null);
          setAsking(true);
        }}
      >
        New password
      </button>
      {asking ? (
        // biome-ignore lint/a11y/useSemanticElements: an inline confirmation, not a modal dialog.
        <div className="confirm-row" role="group" aria-label={`Confirm a new password for ${user.name}`}>
          <span>Set a new password for {user.name}? Their sessions end; you see the password once, to hand over.</span>
          <button type="button" className="button-small" disabled={pending} onClick={confirm}>
            {pending ? "Saving…" : "Set new password"}
          </button>
          <button
            type="button"
            className="button-quiet"
            disabled={pending}
            onClick={() => {
              setAsking(false);
              opener.current?.focus();
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
      {generated ? (
        <p className="copy-row">
          <span role="status">New password of {user.name} (shown once):</span>
          <code>{generated}</code>
          <CopyButton value={generated} label={`Copy the new password of ${user.name}`} />
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
