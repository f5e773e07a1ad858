"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

type Result =
  | { ok: true; data: { groups: number; created: number; updated: number; removed: number } }
  | { ok: false; error: string };

/** Runs link detection now (it also runs after seeding and imports). */
export function DetectLinksButton({ detect }: { detect: (input: object) => Promise<Result> }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="detect-links">
      <button
        type="button"
        className="button-quiet"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await detect({});
            setMessage(
              r.ok
                ? `Detected ${r.data.groups} group(s): ${r.data.created} new, ${r.data.updated} updated, ${r.data.removed} removed.`
                : r.error,
            );
            if (r.ok) router.refresh();
          })
        }
      >
        {pending ? "Detecting…" : "Detect links now"}
      </button>
      {message ? (
        <span role="status" className="meta">
          {" "}
          {message}
        </span>
      ) : null}
    </div>
  );
}
