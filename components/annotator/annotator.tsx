"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { splitParagraphs } from "@/lib/anchoring/paragraphs";
import type { Span } from "@/lib/anchoring/types";
import { type SpanStep, stepSpan, trimSpan } from "@/lib/anchoring/word-steps";
import type { ClaimForReading } from "@/lib/db/claim-reads";
import type { SuggestionForReading } from "@/lib/db/suggestions";
import type { TagView } from "@/lib/db/tags";
import { claimsAt, groupByParagraph, paragraphIndexAt } from "@/lib/highlights/claim-index";
import { shownTags } from "@/lib/tags/shown-tags";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/validation/claim";
import type { AnnotatorActions, SuggestionActions } from "./annotator-actions";
import { ClaimDetail } from "./claim-detail";
import { ClaimList, type ClaimListHandle } from "./claim-list";
import { DocumentText } from "./document-text";
import { selectionToSpan } from "./dom-offsets";
import { DraftBar } from "./draft-bar";
import { HelpOverlay } from "./help-overlay";
import { HighlightPainter, highlightsSupported } from "./highlight-painter";
import { commandForDraftKey, commandForKey, type KeyCommand, keyBelongsToField } from "./key-commands";
import { Legend } from "./legend";
import { offsetAtPoint } from "./point-offset";
import { Presence } from "./presence";
import { scrollToRange } from "./scroll-to-range";
import { SuggestionQueue } from "./suggestion-queue";
import { useClaimNumbers } from "./use-claim-numbers";
import { type ClaimSource, useClaimSet } from "./use-claim-set";
import { useClaimWrites } from "./use-claim-writes";
import { useClaims } from "./use-claims";
import { useKeyboardSelection } from "./use-keyboard-selection";
import { useLiveEvents } from "./use-live-events";
import { useSuggestions } from "./use-suggestions";
import type { Viewer } from "./viewer";

interface Props {
  documentId: string;
  text: string;
  /** Where the claims come from: fetched after first paint, not sent with the page. */
  claimSource: ClaimSource;
  /** Pending suggested claims (an import with suggestions), in reading order. */
  suggestions?: SuggestionForReading[];
  tags: TagView[];
  viewer: Viewer;
  /** The document page's server actions. */
  actions: AnnotatorActions;
  /** Follow other people's changes: the document's slug and the live seq the page was read at. */
  follow?: { slug: string; after: number };
}

const HASH_PREFIX = "#claim-";
const NO_SUGGESTIONS: SuggestionForReading[] = [];
const NO_CLAIMS: ClaimForReading[] = [];
type Filter = "live" | ClaimStatus | "deleted";

/** What a screen reader hears when j / k move to a claim: its place, passage, tags and status. */
function describeClaim(
  claim: ClaimForReading,
  number: number,
  position: number,
  total: number,
  tagBySlug: ReadonlyMap<string, TagView>,
) {
  const exact = claim.exact.length > 140 ? `${claim.exact.slice(0, 139)}…` : claim.exact;
  const tags = shownTags(claim)
    .map((slug) => tagBySlug.get(slug)?.label ?? slug)
    .join(", ");
  return `Claim ${number}, ${position} of ${total} in the text: ${exact}. ${tags ? `Tags: ${tags}. ` : "No tags. "}Status: ${claim.status}.`;
}

/**
 * The annotator: the document with its highlights, the claim list and the selected
 * claim's detail, sharing one selected claim. Writes go to server actions, which check
 * the session, role and claim version; the UI only mirrors what they answer.
 */
export function Annotator({
  documentId,
  text,
  claimSource,
  suggestions: suggested = NO_SUGGESTIONS,
  tags,
  viewer,
  actions,
  follow,
}: Props) {
  const textRef = useRef<HTMLDivElement>(null);
  const loaded = useClaimSet(claimSource, text);
  const initial = loaded.claims ?? NO_CLAIMS;
  const { claims, upsert, apply, notice, setNotice } = useClaims(initial);
  useEffect(() => {
    if (loaded.error) setNotice({ kind: "error", text: loaded.error });
  }, [loaded.error, setNotice]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>("live");
  const [helpOpen, setHelpOpen] = useState(false);
  const [noteFocus, setNoteFocus] = useState(0);
  const [describeSignal, setDescribeSignal] = useState(0);
  const [announcement, setAnnouncement] = useState("");

  const live = useMemo(() => claims.filter((c) => !c.deleted), [claims]);
  // Numbers never change (lib/claims/numbering.ts): a new claim takes the next one, wherever it sits in the text.
  const numbers = useClaimNumbers(claims);
  const listed = useMemo(
    () =>
      claims
        .filter((c) => (filter === "deleted" ? c.deleted : !c.deleted && (filter === "live" || c.status === filter)))
        .map((claim) => ({ claim, number: numbers.get(claim.id) ?? 0 })),
    [claims, filter, numbers],
  );
  const selected = claims.find((c) => c.id === selectedId) ?? null;
  const present = useLiveEvents({
    slug: follow?.slug ?? null,
    after: follow?.after ?? 0,
    viewerId: viewer.id,
    claims,
    upsert,
    onRemoteChange: (claim, by) => {
      if (claim.id === selectedId) setNotice({ kind: "info", text: `Changed by ${by ?? "someone"} just now.` });
    },
    onNewVersion: (by) =>
      setNotice({
        kind: "info",
        text: `${by ?? "Someone"} uploaded a new version of this document: reload to see it.`,
      }),
  });

  const tagBySlug = useMemo(() => new Map(tags.map((t) => [t.slug, t])), [tags]);
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const groups = useMemo(() => groupByParagraph(paragraphs, live), [paragraphs, live]);
  const listRef = useRef<ClaimListHandle>(null);
  const painterRef = useRef<HighlightPainter | null>(null);

  // The painter lives as long as the document; paragraph text nodes never change, so it finds them once.
  useLayoutEffect(() => {
    if (!highlightsSupported() || !textRef.current) return;
    const elements = [...textRef.current.querySelectorAll<HTMLElement>(".document-text p[data-start]")];
    const painter = new HighlightPainter((i) => {
      const p = elements[i];
      return p?.firstChild instanceof Text ? { node: p.firstChild, start: Number(p.dataset.start) } : null;
    }, tags);
    painterRef.current = painter;
    return () => {
      painter.dispose();
      painterRef.current = null;
    };
  }, [tags]);

  const knownTags = useMemo(() => new Set(tags.map((t) => t.slug)), [tags]);
  useLayoutEffect(() => {
    painterRef.current?.sync(groups, knownTags);
    painterRef.current?.select(selectedId);
  }, [groups, knownTags, selectedId]);

  const scrollToClaim = useCallback((id: string) => {
    const range = painterRef.current?.rangeOf(id);
    if (!range) return;
    scrollToRange(range, matchMedia("(prefers-reduced-motion: reduce)").matches);
    painterRef.current?.flash(id);
  }, []);

  const select = useCallback(
    (id: string, scrollTo: "text" | "list" | "none") => {
      setSelectedId(id);
      history.replaceState(null, "", `${HASH_PREFIX}${id}`);
      if (scrollTo === "text") requestAnimationFrame(() => scrollToClaim(id));
      if (scrollTo === "list") listRef.current?.reveal(id);
    },
    [scrollToClaim],
  );

  // A link to #claim-<id> opens the document at that claim, on load or when the hash changes.
  // The claims arrive after first paint: a claim not in the list yet waits for it (revealing
  // a row the list does not hold yet would leave the list elsewhere).
  const pendingHash = useRef<string | null>(null);
  const revealPending = useCallback(() => {
    const id = pendingHash.current;
    if (!id || !claims.some((c) => c.id === id)) return;
    pendingHash.current = null;
    select(id, "text");
    // Two frames later: rows that just arrived have been laid out and measured by then.
    requestAnimationFrame(() => requestAnimationFrame(() => listRef.current?.reveal(id)));
  }, [claims, select]);
  const revealPendingRef = useRef(revealPending);
  revealPendingRef.current = revealPending;
  useEffect(() => {
    function followHash() {
      const id = location.hash.startsWith(HASH_PREFIX)
        ? decodeURIComponent(location.hash.slice(HASH_PREFIX.length))
        : null;
      if (!id) return;
      // Kept even when the claim is not here yet: revealPending runs again when the claims change.
      pendingHash.current = id;
      revealPendingRef.current();
    }
    followHash();
    window.addEventListener("hashchange", followHash);
    return () => window.removeEventListener("hashchange", followHash);
  }, []);
  useEffect(revealPending, [revealPending]);

  /** A claim's span moved by a word, never out of its paragraph (the server would refuse it). */
  const stepInParagraph = useCallback(
    (span: Span, step: SpanStep) => stepSpan(text, span, step, paragraphs[paragraphIndexAt(paragraphs, span.start)]),
    [paragraphs, text],
  );

  const selectFromList = useCallback((id: string) => select(id, "text"), [select]);

  const { toggleTag, setStatus, describe, respan, toggleDeleted, createClaim } = useClaimWrites(actions, viewer, {
    apply,
    upsert,
  });

  /** The text the reader selected, trimmed, or null with the reason shown. */
  const readSelection = useCallback((): Span | null => {
    const result = textRef.current ? selectionToSpan(textRef.current) : null;
    if (!result) {
      setNotice({ kind: "error", text: "Select some text in the document first." });
      return null;
    }
    if ("error" in result) {
      setNotice({ kind: "error", text: result.error });
      return null;
    }
    const span = trimSpan(text, result.span);
    if (!span) setNotice({ kind: "error", text: "The selection is only whitespace." });
    return span;
  }, [setNotice, text]);

  const createAt = useCallback(
    async (span: Span) => {
      const created = await createClaim(documentId, span);
      if (!created) return false;
      setFilter("live");
      select(created.id, "list");
      return true;
    },
    [createClaim, documentId, select],
  );

  const createFromSelection = useCallback(async () => {
    const span = readSelection();
    if (span && (await createAt(span))) window.getSelection()?.removeAllRanges();
  }, [createAt, readSelection]);

  const suggestions = useSuggestions({
    initial: suggested,
    actions:
      actions.acceptSuggestion && actions.rejectSuggestion && actions.acceptParagraphSuggestions
        ? (actions as SuggestionActions)
        : undefined,
    documentId,
    upsert,
    setNotice,
  });
  // A keyboard selection started on a suggested claim accepts it (on the adjusted passage) with Enter.
  const draftFromSuggestion = useRef<SuggestionForReading | null>(null);
  const keyboardSelection = useKeyboardSelection({
    text,
    paragraphs,
    textRef,
    painterRef,
    create: async (span) => {
      const suggestion = draftFromSuggestion.current;
      if (!suggestion) return createAt(span);
      const claim = await suggestions.accept(suggestion, span);
      if (claim) select(claim.id, "list");
      return claim !== null;
    },
    respan: selected && !selected.deleted ? (span) => respan(selected, span).then((saved) => saved !== null) : null,
  });

  const decideSuggestion = useCallback(
    async (decision: "accept" | "reject" | "accept-paragraph" | "next") => {
      const current = suggestions.current;
      if (!current) return;
      if (decision === "next") return suggestions.skip();
      if (decision === "reject") return suggestions.reject();
      if (decision === "accept-paragraph") return suggestions.acceptParagraph();
      const claim = await suggestions.accept(current);
      if (claim) setAnnouncement(`Accepted: ${claim.exact.slice(0, 120)}`);
    },
    [suggestions],
  );

  // Pending suggestions are painted; the one to decide next is shaded and kept in view.
  const paintedSuggestion = useRef<string | null>(null);
  useLayoutEffect(() => {
    const painter = painterRef.current;
    if (!painter) return;
    const current = suggestions.current;
    const range = painter.suggestions(
      suggestions.pending.map((s) => ({
        ...s,
        paragraph: paragraphIndexAt(paragraphs, s.start),
        current: s === current,
      })),
    );
    if (!current || !range || paintedSuggestion.current === current.id) return;
    const first = paintedSuggestion.current === null;
    paintedSuggestion.current = current.id;
    const rect = range.getBoundingClientRect();
    if (!first && (rect.top < 80 || rect.bottom > innerHeight)) window.scrollBy({ top: rect.top - innerHeight / 3 });
  }, [paragraphs, suggestions]);

  // ---- keyboard: commandForKey decides what a key means, run carries it out ----
  const run = useCallback(
    (command: KeyCommand) => {
      if (command.kind === "help") return setHelpOpen(true);
      if (command.kind === "dismiss") {
        setHelpOpen(false);
        setNotice(null);
        return;
      }
      if (command.kind === "create") return void createFromSelection();
      if (command.kind === "select-by-keyboard") {
        if (viewer.role === "viewer")
          return setNotice({
            kind: "error",
            text: "You can read claims; ask an admin for reviewer access to add them.",
          });
        const from = selected && !selected.deleted ? selected : suggestions.current;
        draftFromSuggestion.current = from !== null && from === suggestions.current ? suggestions.current : null;
        return keyboardSelection.start(from);
      }
      if (command.kind === "suggestion") return void decideSuggestion(command.decision);
      if (command.kind === "next-untagged") {
        // The next claim in reading order this reviewer has not tagged, wrapping round.
        const from = live.findIndex((c) => c.id === selectedId);
        const order = [...live.slice(from + 1), ...live.slice(0, from + 1)];
        const next = order.find((c) => !c.reviewerTags.some((t) => t.reviewerId === viewer.id));
        if (!next) return setNotice({ kind: "info", text: "You have tagged every claim of this document." });
        select(next.id, "text");
        listRef.current?.reveal(next.id);
        setAnnouncement(describeClaim(next, numbers.get(next.id) ?? 0, live.indexOf(next) + 1, live.length, tagBySlug));
        return;
      }
      if (command.kind === "move") {
        const index = live.findIndex((c) => c.id === selectedId);
        const next = live[Math.min(live.length - 1, Math.max(0, index + command.direction))];
        if (!next) return;
        // The list follows; focus moves along with it when it was already in the list.
        const inList = Boolean(document.activeElement?.closest(".claim-list"));
        select(next.id, "text");
        listRef.current?.reveal(next.id, { focus: inList });
        setAnnouncement(describeClaim(next, numbers.get(next.id) ?? 0, live.indexOf(next) + 1, live.length, tagBySlug));
        return;
      }
      if (!selected) return;
      if (command.kind === "tag") return toggleTag(selected, command.tag);
      if (command.kind === "status") return void setStatus(selected, command.status);
      if (command.kind === "step") return void respan(selected, stepInParagraph(selected, command.step));
      if (command.kind === "respan") {
        const span = readSelection();
        if (span) void respan(selected, span);
        return;
      }
      if (command.kind === "toggle-deleted") return void toggleDeleted(selected);
      if (command.kind === "note") return setNoteFocus((n) => n + 1);
      if (command.kind === "describe") return setDescribeSignal((n) => n + 1);
      if (command.kind === "scroll-to-claim") return scrollToClaim(selected.id);
    },
    [
      createFromSelection,
      decideSuggestion,
      keyboardSelection,
      live,
      numbers,
      readSelection,
      respan,
      scrollToClaim,
      select,
      selected,
      selectedId,
      setNotice,
      setStatus,
      stepInParagraph,
      suggestions.current,
      tagBySlug,
      toggleDeleted,
      toggleTag,
      viewer.id,
      viewer.role,
    ],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const press = {
        key: event.key,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        typing: keyBelongsToField(event.target instanceof HTMLElement ? event.target : null, event.key),
        onButton: event.target instanceof HTMLButtonElement,
      };
      if (keyboardSelection.draft) {
        // While a passage is being selected, its keys are the only shortcuts (and ? for help).
        const draftCommand = commandForDraftKey(press);
        if (draftCommand) {
          event.preventDefault();
          keyboardSelection.run(draftCommand);
        } else if (press.key === "?" && !press.typing) setHelpOpen(true);
        return;
      }
      const command = commandForKey(press, {
        hasSelectedClaim: selected !== null,
        hasSuggestion: suggestions.current !== null && viewer.role !== "viewer",
        tagShortcuts: tags,
      });
      if (!command) return;
      // Escape and Enter keep their defaults (closing menus, following a focused link).
      if (command.kind !== "dismiss" && command.kind !== "scroll-to-claim") event.preventDefault();
      run(command);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [keyboardSelection, run, selected, suggestions.current, tags, viewer.role]);

  /** A click on a passage selects the innermost claim there; clicking again cycles outward through nested claims. */
  function onTextClick(event: React.MouseEvent) {
    if (window.getSelection()?.toString()) return; // the reader is selecting text, not choosing a claim
    const badge = (event.target as HTMLElement).closest<HTMLElement>(".claim-badge[data-claim-id]");
    if (badge) return select(badge.dataset.claimId!, "list");
    const offset = offsetAtPoint(event.clientX, event.clientY);
    if (offset === null) return;
    const paragraph = paragraphIndexAt(paragraphs, offset);
    const ids = claimsAt(groups[paragraph] ?? [], offset).map((c) => c.id);
    if (ids.length === 0) return;
    const at = selectedId ? ids.indexOf(selectedId) : -1;
    select(ids[(at + 1) % ids.length], "list");
  }

  /** Hovering a highlight names its claims in the paragraph's tooltip (highlights are not elements, so they cannot have their own). */
  const hoverFrame = useRef(0);
  function onTextHover(event: React.MouseEvent) {
    const { clientX, clientY } = event;
    const paragraph = (event.target as HTMLElement).closest?.<HTMLElement>("p[data-start]");
    if (!paragraph) return;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const offset = offsetAtPoint(clientX, clientY);
      const under = offset === null ? [] : claimsAt(groups[paragraphIndexAt(paragraphs, offset)] ?? [], offset);
      const title = under
        .map((c) => {
          const labels = shownTags(c).map((slug) => tagBySlug.get(slug)?.label ?? slug);
          return `Claim ${numbers.get(c.id)}: ${labels.join(", ") || "no tag"}${c.reviewerTags.length ? "" : " (suggested)"}, ${c.status}`;
        })
        .join("\n");
      if (paragraph.title !== title) paragraph.title = title ? `${title}\nClick to select` : "";
    });
  }

  return (
    <div className="reader" aria-busy={loaded.claims === null}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a pointer shortcut; the keyboard selects claims with j/k and the claim list */}
      <div className="reader-text" ref={textRef} onClick={onTextClick} onMouseMove={onTextHover}>
        <DocumentText
          text={text}
          paragraphs={paragraphs}
          groups={groups}
          tagBySlug={tagBySlug}
          selectedId={selectedId}
        />
      </div>
      <aside className="reader-panel" aria-label="Claims">
        <div className="notice-area" role="status" aria-live="polite">
          {notice ? (
            <div className={`notice notice-${notice.kind}`}>
              <p>{notice.text}</p>
              {notice.retry ? (
                <button type="button" className="button-small" onClick={notice.retry}>
                  Re-apply my change
                </button>
              ) : null}
              <button
                type="button"
                className="button-quiet"
                onClick={() => setNotice(null)}
                aria-label="Dismiss message"
              >
                ×
              </button>
            </div>
          ) : null}
        </div>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {keyboardSelection.draft ? (
          <DraftBar text={text} draft={keyboardSelection.draft} canRespan={Boolean(selected && !selected.deleted)} />
        ) : null}
        {selected ? (
          <ClaimDetail
            key={selected.id}
            claim={selected}
            number={numbers.get(selected.id) ?? 0}
            tags={tags}
            viewer={viewer}
            noteFocusSignal={noteFocus}
            describeSignal={describeSignal}
            noteActions={actions}
            onToggleTag={(slug) => toggleTag(selected, slug)}
            onSetStatus={(status) => void setStatus(selected, status)}
            onDescribe={(statement, kind) => describe(selected, statement, kind).then((saved) => saved !== null)}
            onStep={(step) => void respan(selected, stepInParagraph(selected, step))}
            onToggleDeleted={() => void toggleDeleted(selected)}
            onNoteCount={(noteCount) => noteCount !== selected.noteCount && upsert({ ...selected, noteCount })}
            onClose={() => setSelectedId(null)}
          />
        ) : (
          <p className="panel-hint">
            Select a passage or a claim.{" "}
            {viewer.role !== "viewer" ? (
              <>
                To add a claim, select text and press <kbd>c</kbd>, or press <kbd>v</kbd> to select it by keyboard.{" "}
              </>
            ) : null}
            Press <kbd>?</kbd> for all shortcuts.
          </p>
        )}
        <div className="list-head">
          <h2 className="panel-title">
            Claims <span className="count">{loaded.claims === null ? claimSource.claimCount : live.length}</span>
          </h2>
          <label className="status-field">
            <span className="visually-hidden">Show</span>
            <select
              value={filter}
              onChange={(e) => setFilter(e.target.value as Filter)}
              aria-label="Filter claims by status"
            >
              <option value="live">all statuses</option>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
              <option value="deleted">deleted</option>
            </select>
          </label>
          <button
            type="button"
            className="button-quiet"
            onClick={() => setHelpOpen(true)}
            aria-label="Keyboard shortcuts"
          >
            ?
          </button>
        </div>
        {suggestions.current ? (
          <SuggestionQueue
            pending={suggestions.pending.length}
            current={suggestions.current}
            tag={suggestions.current.tag ? tagBySlug.get(suggestions.current.tag) : undefined}
            canWrite={viewer.role !== "viewer"}
            onAccept={() => void decideSuggestion("accept")}
            onAdjust={() => run({ kind: "select-by-keyboard" })}
            onReject={() => void decideSuggestion("reject")}
            onAcceptParagraph={() => void decideSuggestion("accept-paragraph")}
            onSkip={() => void decideSuggestion("next")}
          />
        ) : null}
        <Presence people={present} />
        <Legend tags={tags} />
        <ClaimList
          ref={listRef}
          items={listed}
          tagBySlug={tagBySlug}
          selectedId={selectedId}
          onSelect={selectFromList}
        />
      </aside>
      {helpOpen ? <HelpOverlay tags={tags} onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
