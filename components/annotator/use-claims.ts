"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/auth/guarded-write";
import type { ClaimForReading } from "@/lib/db/claim-reads";

export type Notice = { kind: "error" | "info"; text: string; retry?: () => void } | null;

const byReadingOrder = (a: ClaimForReading, b: ClaimForReading) => a.start - b.start || b.end - a.end;

/**
 * The claims of the open document and the one message shown about the last write.
 * Every write goes through `apply`: success replaces the claim with the server's copy;
 * a conflict shows the newer copy and offers to re-apply the change on top of it; a busy
 * database or a failed request keeps the change and offers to send it again.
 */
export function useClaims(initial: ClaimForReading[]) {
  const [claims, setClaims] = useState(() => [...initial].sort(byReadingOrder));
  const [notice, setNotice] = useState<Notice>(null);

  // The claim set arrived (fetched after first paint, and again after router.refresh, e.g. on
  // settling a claim from the anchor queue): take in claims not here yet and newer versions of
  // the ones here (a live event may have brought a claim before the set arrived).
  const first = useRef(initial);
  useEffect(() => {
    if (initial === first.current) return;
    setClaims((all) => {
      const mine = new Map(all.map((c) => [c.id, c]));
      const fresher = initial.filter((c) => (mine.get(c.id)?.version ?? 0) < c.version);
      if (fresher.length === 0) return all;
      const ids = new Set(fresher.map((c) => c.id));
      return [...all.filter((c) => !ids.has(c.id)), ...fresher].sort(byReadingOrder);
    });
  }, [initial]);

  // Proportional to the change: a claim whose span did not move is swapped in place, so every
  // other claim keeps its object identity and nothing drawn from it re-renders or re-paints.
  const upsert = useCallback((claim: ClaimForReading) => {
    setClaims((all) => {
      const at = all.findIndex((c) => c.id === claim.id);
      if (at !== -1 && all[at].start === claim.start && all[at].end === claim.end) {
        const next = all.slice();
        next[at] = claim;
        return next;
      }
      return [...all.filter((c) => c.id !== claim.id), claim].sort(byReadingOrder);
    });
  }, []);

  // Leaving the page while a write is on its way (tags show before the server has them) asks first.
  const writing = useRef(0);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (writing.current > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const apply = useCallback(
    async <I extends object>(
      action: (input: I) => Promise<ActionResult<ClaimForReading>>,
      input: I,
      options: { success?: string; rebase?: (newer: ClaimForReading) => I } = {},
    ): Promise<ClaimForReading | null> => {
      const again = () => void apply(action, input, options);
      let result: ActionResult<ClaimForReading>;
      writing.current++;
      try {
        result = await action(input);
      } catch {
        // The server or the network failed: nothing was saved, so the same change can be sent again.
        setNotice({
          kind: "error",
          text: "The change could not be saved (the server did not answer). Try again.",
          retry: again,
        });
        return null;
      } finally {
        writing.current--;
      }
      if (result.ok) {
        upsert(result.data);
        setNotice(options.success ? { kind: "info", text: options.success } : null);
        return result.data;
      }
      const newer = result.conflict as ClaimForReading | undefined;
      if (newer) {
        upsert(newer);
        const rebase = options.rebase;
        setNotice({
          kind: "error",
          text: result.error,
          retry: rebase ? () => void apply(action, rebase(newer), options) : undefined,
        });
      } else if (result.code === "unavailable") {
        // Busy or read-only database: the change was not made; keep it to apply again.
        setNotice({ kind: "error", text: result.error, retry: again });
      } else {
        setNotice({ kind: "error", text: result.error });
      }
      return null;
    },
    [upsert],
  );

  return { claims, upsert, apply, notice, setNotice };
}
