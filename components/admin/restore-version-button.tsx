"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guarded-write";

/**
 * Puts the claim back as it was before one audited change (the restore is audited too),
 * after a confirmation: a restore overwrites the claim's current passage and status.
 */
export function RestoreVersionButton({
  claimId,
  version,
  eventId,
  restoreVersion,
}: {
  claimId: string;
  version: number;
  eventId: string;
  /** The server action that restores (passed in by the page). */
  restoreVersion: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    setConfirming(false);
    opener.current?.focus();
  };
  return (
    <div className="restore-version">
      {confirming ? (
        // biome-ignore lint/a11y/useSemanticElements: an inline confirmation, not a modal dialog: the page stays usable.
        <div className="confirm-row" role="group" aria-label="Confirm restore">
          <span>Put the claim back as it was before this change? Its current passage and status are replaced.</span>
          <button
            type="button"
            className="button-small"
            disabled={pending}
            // biome-ignore lint/a11y/noAutofocus: focus moves to the confirmation the user just asked for.
            autoFocus
            onClick={() =>
              start(async () => {
                const result = await restoreVersion({ claimId, version, eventId });
                setConfirming(false);
                setMessage(result.ok ? "Restored. Reload to see the restored claim." : result.error);
              })
            }
          >
            {pending ? "Restoring…" : "Restore"}
          </button>
          <button type="button" className="button-quiet" disabled={pending} onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : (
        <button ref={opener} type="button" className="button-quiet" onClick={() => setConfirming(true)}>
          Restore this version
        </button>
      )}
      {message ? (
        <span role="status" className="field-hint">
          {" "}
          {message}
        </span>
      ) : null}
    </div>
  );
}
