"use client";

import { useCallback, useMemo, useState } from "react";
import type { Span } from "@/lib/anchoring/types";
import type { ActionResult } from "@/lib/auth/guarded-write";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { SuggestionForReading } from "@/lib/db/suggestions";
import type { SuggestionActions } from "./annotator-actions";
import type { Notice } from "./use-claims";

interface Options {
  initial: SuggestionForReading[];
  actions: SuggestionActions | undefined;
  documentId: string;
  /** Puts a claim the server made into the annotator. */
  upsert: (claim: ClaimForReading) => void;
  setNotice: (notice: Notice) => void;
}

/**
 * The document's pending suggested claims as a queue in reading order: the current one is
 * shown, painted and decided with one key (accept, reject, accept the paragraph's, skip); a
 * decision moves on to the next. Every decision is a server action (audited).
 */
export function useSuggestions({ initial, actions, documentId, upsert, setNotice }: Options) {
  const [pending, setPending] = useState(initial);
  const [at, setAt] = useState(0);
  const current = pending.length ? pending[Math.min(at, pending.length - 1)] : null;

  const drop = useCallback((ids: Set<string>) => setPending((all) => all.filter((s) => !ids.has(s.id))), []);

  const report = useCallback(
    <T>(result: ActionResult<T>, success: string): T | null => {
      if (result.ok) {
        setNotice({ kind: "info", text: success });
        return result.data;
      }
      setNotice({ kind: "error", text: result.error });
      return null;
    },
    [setNotice],
  );

  const accept = useCallback(
    async (suggestion: SuggestionForReading, span?: Span): Promise<ClaimForReading | null> => {
      if (!actions) return null;
      const claim = report(
        await actions.acceptSuggestion({ suggestionId: suggestion.id, ...span }),
        "Suggestion accepted: it is a claim now.",
      );
      if (claim) {
        upsert(claim);
        drop(new Set([suggestion.id]));
      }
      return claim;
    },
    [actions, drop, report, upsert],
  );

  const reject = useCallback(async () => {
    if (!actions || !current) return;
    if (report(await actions.rejectSuggestion({ suggestionId: current.id }), "Suggestion rejected."))
      drop(new Set([current.id]));
  }, [actions, current, drop, report]);

  const acceptParagraph = useCallback(async () => {
    if (!actions || !current) return;
    const claims = report(
      await actions.acceptParagraphSuggestions({ documentId, offset: current.start }),
      "Every suggestion in this paragraph is a claim now.",
    );
    if (!claims) return;
    for (const claim of claims) upsert(claim);
    const made = new Set(claims.map((c) => `${c.start}-${c.end}`));
    setPending((all) => all.filter((s) => !made.has(`${s.start}-${s.end}`)));
  }, [actions, current, documentId, report, upsert]);

  const skip = useCallback(() => setAt((i) => (pending.length ? (i + 1) % pending.length : 0)), [pending.length]);

  return useMemo(
    () => ({ pending, current, accept, reject, acceptParagraph, skip, enabled: Boolean(actions) }),
    [pending, current, accept, reject, acceptParagraph, skip, actions],
  );
}
