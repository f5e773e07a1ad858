"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { selectionToSpan } from "@/components/annotator/dom-offsets";

interface Item {
  id: string;
  version: number;
  state: "fuzzy" | "orphaned";
  exact: string;
}

type Result = { ok: true } | { ok: false; error: string };

interface Props {
  items: Item[];
  canWrite: boolean;
  resolve: (input: { claimId: string; version: number; resolution: "confirm" | "retire" }) => Promise<Result>;
  reselect: (input: { claimId: string; version: number; start: number; end: number }) => Promise<Result>;
}

const EXPLAIN = {
  fuzzy: "Placed on a passage like its old one: check it in the text, then confirm, re-select or retire.",
  orphaned: "Its passage is no longer in the text: select the new passage and use it, or retire the claim.",
};

/** The claims a new version left unsettled; each is confirmed, re-selected or retired by a reviewer (audited). */
export function AnchorQueue({ items, canWrite, resolve, reselect }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (items.length === 0) return null;

  const run = (action: () => Promise<Result>) =>
    start(async () => {
      const r = await action();
      setMessage(r.ok ? null : r.error);
      if (r.ok) router.refresh();
    });
  const takeSelection = (item: Item) => {
    const root = document.querySelector<HTMLElement>(".document-text");
    const picked = root ? selectionToSpan(root) : null;
    if (!picked) return setMessage("Select the passage in the text first.");
    if ("error" in picked) return setMessage(picked.error);
    run(() => reselect({ claimId: item.id, version: item.version, ...picked.span }));
  };

  return (
    <section className="anchor-queue" aria-labelledby="anchor-queue-title">
      <h2 id="anchor-queue-title">Claims to settle after the new version ({items.length})</h2>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      <ol>
        {items.map((item) => (
          <li key={item.id} className={`anchor-item anchor-${item.state}`} data-claim={item.id}>
            <p>
              <span className="anchor-state">{item.state === "fuzzy" ? "Fuzzy" : "Orphaned"}</span> “{item.exact}”
            </p>
            <p className="field-hint">{EXPLAIN[item.state]}</p>
            {canWrite ? (
              <p className="anchor-actions">
                {item.state === "fuzzy" ? (
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() =>
                      run(() => resolve({ claimId: item.id, version: item.version, resolution: "confirm" }))
                    }
                  >
                    Confirm passage
                  </button>
                ) : null}
                <button
                  type="button"
                  disabled={pending}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => takeSelection(item)}
                >
                  Use selected text
                </button>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => run(() => resolve({ claimId: item.id, version: item.version, resolution: "retire" }))}
                >
                  Retire claim
                </button>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
