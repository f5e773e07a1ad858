"use client";

import { type RefObject, useCallback, useLayoutEffect, useState } from "react";
import { sentenceAt, stepBySentence } from "@/lib/anchoring/sentence-steps";
import type { Span } from "@/lib/anchoring/types";
import { stepSpan } from "@/lib/anchoring/word-steps";
import { paragraphIndexAt } from "@/lib/highlights/claim-index";
import type { HighlightPainter } from "./highlight-painter";
import type { DraftCommand } from "./key-commands";
import { offsetAtPoint } from "./point-offset";

/** Where the sticky site header ends: the first line of text below it is the "top of the screen". */
const HEADER_PX = 72;

/** The document offset of the first character at the top of the screen, or null when no text is there. */
function offsetAtTopOfScreen(root: HTMLElement): number | null {
  for (const p of root.querySelectorAll<HTMLElement>(".document-text p[data-start]")) {
    const rect = p.getBoundingClientRect();
    if (rect.bottom < HEADER_PX + 8) continue;
    const y = Math.max(rect.top, HEADER_PX) + 10;
    return offsetAtPoint(rect.left + 2, y) ?? Number(p.dataset.start);
  }
  return null;
}

/** Scrolls the window by the least amount that shows the end of the range (where the reader is working). */
function keepInView(range: Range) {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1];
  if (!last) return;
  if (last.bottom > innerHeight - 16) window.scrollBy({ top: last.bottom - innerHeight + innerHeight / 3 });
  else if (last.top < HEADER_PX) window.scrollBy({ top: last.top - HEADER_PX - innerHeight / 3 });
}

interface Options {
  text: string;
  paragraphs: readonly Span[];
  textRef: RefObject<HTMLElement | null>;
  painterRef: RefObject<HighlightPainter | null>;
  /** Creates a claim on the span; resolves true when it was created. */
  create: (span: Span) => Promise<boolean>;
  /** Sets the selected claim's passage to the span, or null when no claim is selected. */
  respan: ((span: Span) => Promise<boolean>) | null;
}

/**
 * Selecting a passage by keyboard, without the browser's caret browsing (which Safari lacks
 * and which the reader has to know about): `v` starts at the selected claim's passage or at
 * the sentence at the top of the screen, keys grow and shrink it by word and by sentence
 * (commandForDraftKey), Enter creates the claim. The passage is painted as its own highlight
 * and its text is announced as it changes.
 */
export function useKeyboardSelection({ text, paragraphs, textRef, painterRef, create, respan }: Options) {
  const [draft, setDraft] = useState<Span | null>(null);

  const start = useCallback(
    (from: Span | null) => {
      if (from) return setDraft({ start: from.start, end: from.end });
      const at = textRef.current ? offsetAtTopOfScreen(textRef.current) : null;
      const sentence = at === null ? null : sentenceAt(text, paragraphs, at);
      if (sentence) setDraft(sentence);
    },
    [paragraphs, text, textRef],
  );

  const run = useCallback(
    (command: DraftCommand) => {
      if (!draft) return;
      if (command.kind === "cancel") return setDraft(null);
      if (command.kind === "word")
        return setDraft(stepSpan(text, draft, command.step, paragraphs[paragraphIndexAt(paragraphs, draft.start)]));
      if (command.kind === "sentence") return setDraft(stepBySentence(text, paragraphs, draft, command.step));
      const write = command.kind === "create" ? create : respan;
      if (!write) return;
      void write(draft).then((done) => {
        if (done) setDraft(null);
      });
    },
    [create, draft, paragraphs, respan, text],
  );

  useLayoutEffect(() => {
    const painter = painterRef.current;
    painter?.draft(draft, draft ? paragraphIndexAt(paragraphs, draft.start) : -1);
    const range = draft ? painter?.draftRange() : null;
    if (range) keepInView(range);
  }, [draft, painterRef, paragraphs]);

  return { draft, start, run };
}
