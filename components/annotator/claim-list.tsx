"use client";

import { memo, type Ref, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from "react";
import { TagBadge } from "@/components/tags/tag-badge";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { TagView } from "@/lib/db/tags";
import { hasDisagreement } from "@/lib/tags/agreement";
import { shownTags } from "@/lib/tags/shown-tags";

export interface ListedClaim {
  claim: ClaimForReading;
  number: number;
}

export interface ClaimListHandle {
  /** Scrolls the list (only the list) so the claim's row is in view, and focuses it if asked. */
  reveal: (id: string, options?: { focus?: boolean }) => void;
}

interface Props {
  /** The claims to list, already filtered, each with its number (lib/claims/numbering.ts), in reading order. */
  items: ListedClaim[];
  tagBySlug: ReadonlyMap<string, TagView>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  ref?: Ref<ClaimListHandle>;
}

/** Rows drawn beyond the visible ones on each side, so scrolling and j/k rarely meet an empty row. */
const OVERSCAN = 8;
/** Rows drawn before the list has been measured (server render, first paint). */
const FIRST_ROWS = 30;

/**
 * Claims in reading order; choosing one scrolls the text to its passage. Virtualised: every
 * row has the same height (CSS `--claim-row`), so only the rows near the list's viewport
 * exist and the rest is empty height; each row says its position in the whole list
 * (aria-setsize / aria-posinset) so a screen reader still hears "12 of 10,000".
 */
export function ClaimList({ items, tagBySlug, selectedId, onSelect, ref }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = useRef(0);
  const [window_, setWindow] = useState({ first: 0, last: FIRST_ROWS });
  const [focusId, setFocusId] = useState<string | null>(null);

  const measure = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (!rowHeight.current) {
      // Measured on a row (fractional: 5.6rem is 89.6 px). An empty list (its claims still
      // arriving) has none to measure: the guess is used but not kept, or every position
      // computed once 10,000 rows arrive would be off by thousands of pixels.
      const probe = el.querySelector<HTMLElement>(".claim-list > li");
      if (probe) rowHeight.current = probe.getBoundingClientRect().height;
    }
    const h = rowHeight.current || 80;
    const first = Math.max(0, Math.floor(el.scrollTop / h) - OVERSCAN);
    const last = Math.ceil((el.scrollTop + el.clientHeight) / h) + OVERSCAN;
    setWindow((w) => (w.first === first && w.last === last ? w : { first, last }));
  }, []);

  useEffect(() => {
    measure();
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      rowHeight.current = 0; // the row height follows the viewport (phone layout)
      measure();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  // A reveal is carried out after the commit it was asked in, when the list has its final
  // size (selecting a claim opens its detail above the list, which shrinks it).
  const pending = useRef<{ id: string; focus: boolean } | null>(null);
  const [revealCount, setRevealCount] = useState(0);

  useImperativeHandle(
    ref,
    () => ({
      reveal(id, options) {
        pending.current = { id, focus: Boolean(options?.focus) };
        setRevealCount((n) => n + 1);
      },
    }),
    [],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a reveal was asked (revealCount) or the rows changed
  useLayoutEffect(() => {
    const request = pending.current;
    const el = scrollRef.current;
    if (!request || !el) return;
    const index = items.findIndex((item) => item.claim.id === request.id);
    // Asked while the list is empty (its claims still arriving): kept until rows arrive. A claim
    // the list does not show (filtered out) is dropped, or a later filter change would jump to it.
    if (index === -1 && items.length === 0) return;
    pending.current = null;
    if (index === -1) return;
    if (!rowHeight.current) measure();
    const h = rowHeight.current || 80;
    const top = index * h;
    // Out of view: bring it to the middle of the list; in view: leave the list where it is.
    if (top < el.scrollTop || top + h > el.scrollTop + el.clientHeight)
      el.scrollTop = Math.max(0, top - (el.clientHeight - h) / 2);
    measure();
    if (request.focus) setFocusId(request.id);
  }, [revealCount, items, measure]);

  // Focus once the row has been rendered into the window.
  useEffect(() => {
    if (!focusId) return;
    const button = scrollRef.current?.querySelector<HTMLElement>(`.claim-item[data-claim-id="${CSS.escape(focusId)}"]`);
    if (button) {
      button.focus({ preventScroll: true });
      setFocusId(null);
    }
  });

  const last = Math.min(items.length, window_.last);
  const first = Math.min(window_.first, last);
  return (
    <div className="claim-list-scroll" ref={scrollRef} onScroll={measure}>
      <ol className="claim-list" style={{ height: `calc(${items.length} * var(--claim-row))` }}>
        {items.slice(first, last).map(({ claim, number }, i) => (
          <Row
            key={claim.id}
            claim={claim}
            number={number}
            position={first + i}
            size={items.length}
            tagBySlug={tagBySlug}
            selected={claim.id === selectedId}
            onSelect={onSelect}
          />
        ))}
      </ol>
    </div>
  );
}

interface RowProps {
  claim: ClaimForReading;
  number: number;
  position: number;
  size: number;
  tagBySlug: ReadonlyMap<string, TagView>;
  selected: boolean;
  onSelect: (id: string) => void;
}

const Row = memo(function Row({ claim, number, position, size, tagBySlug, selected, onSelect }: RowProps) {
  const curated = claim.reviewerTags.length === 0;
  return (
    <li
      id={`claim-item-${claim.id}`}
      aria-setsize={size}
      aria-posinset={position + 1}
      style={{ top: `calc(${position} * var(--claim-row))` }}
    >
      <button
        type="button"
        className="claim-item"
        aria-pressed={selected}
        data-claim-id={claim.id}
        data-deleted={claim.deleted || undefined}
        onClick={() => onSelect(claim.id)}
      >
        <span className="claim-number">{number}</span>
        <span className="claim-body">
          <span className="claim-exact">{claim.exact}</span>
          <span className="claim-meta">
            {shownTags(claim).map((slug) => {
              const tag = tagBySlug.get(slug);
              return tag ? <TagBadge key={slug} tag={tag} muted={curated} /> : null;
            })}
            {curated && claim.suggestedTags.length ? <span className="claim-flag">suggested</span> : null}
            {hasDisagreement(claim.reviewerTags) ? (
              <span className="claim-flag claim-flag-warn">reviewers disagree</span>
            ) : null}
            <span className={`claim-status status-${claim.status}`}>{claim.deleted ? "deleted" : claim.status}</span>
            {claim.noteCount ? (
              <span className="claim-flag">
                {claim.noteCount} {claim.noteCount === 1 ? "note" : "notes"}
              </span>
            ) : null}
          </span>
        </span>
      </button>
    </li>
  );
});
