"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/guarded-write";

/** Puts the claim back as it was before one audited change (the restore is audited too). */
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
  const [pending, start] = useTransition();
  return (
    <>
      <button
        type="button"
        className="button-quiet"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await restoreVersion({ claimId, version, eventId });
            setMessage(result.ok ? "Restored." : result.error);
          })
        }
      >
        Restore this version
      </button>
      {message ? (
        <span role="status" className="field-hint">
          {" "}
          {message}
        </span>
      ) : null}
    </>
  );
}
