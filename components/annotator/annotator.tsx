"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ClaimForReading } from "@/lib/db/documents";
import type { TagView } from "@/lib/db/tags";
import { ClaimList } from "./claim-list";

interface Props {
  claims: ClaimForReading[];
  tags: TagView[];
  /** The server-rendered document text with its highlights. */
  children: React.ReactNode;
}

const HASH_PREFIX = "#claim-";

function marksOf(root: HTMLElement | null, id: string): HTMLElement[] {
  return root ? [...root.querySelectorAll<HTMLElement>(`mark[data-claims~="${CSS.escape(id)}"]`)] : [];
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * The reading view's behaviour: one selected claim, shared by the text and the list.
 * Clicking a passage selects its innermost claim (clicking again cycles through the
 * claims nested there); choosing a claim in the list scrolls the text to it, and back.
 */
export function Annotator({ claims, tags, children }: Props) {
  const textRef = useRef<HTMLDivElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const select = useCallback((id: string, scrollTo: "text" | "list" | "none") => {
    setSelectedId(id);
    history.replaceState(null, "", `${HASH_PREFIX}${id}`);
    if (scrollTo === "text") {
      const marks = marksOf(textRef.current, id);
      marks[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
      for (const mark of marks) {
        mark.classList.remove("is-flashing");
        void mark.offsetWidth; // restart the animation
        mark.classList.add("is-flashing");
      }
    } else if (scrollTo === "list") {
      document.getElementById(`claim-item-${id}`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }, []);

  // Paint the selection onto the server-rendered marks.
  useEffect(() => {
    const root = textRef.current;
    if (!root) return;
    for (const mark of root.querySelectorAll(".is-selected")) mark.classList.remove("is-selected");
    if (selectedId) for (const mark of marksOf(root, selectedId)) mark.classList.add("is-selected");
  }, [selectedId]);

  // A link to #claim-<id> opens the document at that claim.
  useEffect(() => {
    const id = location.hash.startsWith(HASH_PREFIX) ? decodeURIComponent(location.hash.slice(HASH_PREFIX.length)) : null;
    if (id && claims.some((c) => c.id === id)) select(id, "text");
  }, [claims, select]);

  // j / k move to the next / previous claim in reading order.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key !== "j" && event.key !== "k") return;
      const index = claims.findIndex((c) => c.id === selectedId);
      const next = event.key === "j" ? Math.min(claims.length - 1, index + 1) : Math.max(0, index - 1);
      if (claims[next]) {
        event.preventDefault();
        select(claims[next].id, "text");
        document.getElementById(`claim-item-${claims[next].id}`)?.scrollIntoView({ block: "nearest" });
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [claims, selectedId, select]);

  function onTextClick(event: React.MouseEvent) {
    if (window.getSelection()?.toString()) return; // the reader is selecting text, not choosing a claim
    const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-claims]");
    if (!mark) return;
    const ids = mark.dataset.claims!.split(" ");
    const at = selectedId ? ids.indexOf(selectedId) : -1;
    select(ids[(at + 1) % ids.length], "list");
  }

  return (
    <div className="reader">
      <div className="reader-text" ref={textRef} onClick={onTextClick}>
        {children}
      </div>
      <aside className="reader-panel" aria-label="Claims">
        <h2 className="panel-title">
          Claims <span className="count">{claims.length}</span>
        </h2>
        <p className="panel-hint">
          Click a passage or a claim; <kbd>j</kbd>/<kbd>k</kbd> move between claims.
        </p>
        <ClaimList claims={claims} tags={tags} selectedId={selectedId} onSelect={(id) => select(id, "text")} />
      </aside>
    </div>
  );
}
