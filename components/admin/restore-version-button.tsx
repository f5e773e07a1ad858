"use client";

import { useState, useTransition } from "react";
import { restoreVersionAction } from "@/app/admin/audit/actions";

/** Puts the claim back as it was before one audited change (the restore is audited too). */
export function RestoreVersionButton({
  claimId,
  version,
  eventId,
}: {
  claimId: string;
  version: number;
  eventId: string;
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
            const result = await restoreVersionAction({ claimId, version, eventId });
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
