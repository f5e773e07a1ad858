import type { Span } from "@/lib/anchoring/types";

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const MAX_SHOWN = 160;

/**
 * The passage being selected by keyboard, and the keys that change it. A live region: each
 * change is announced, so a screen-reader user hears what the claim will cover.
 */
export function DraftBar({ text, draft, canRespan }: { text: string; draft: Span; canRespan: boolean }) {
  const exact = text.slice(draft.start, draft.end);
  const shown = exact.length > MAX_SHOWN ? `${exact.slice(0, MAX_SHOWN - 1)}…` : exact;
  const words = wordCount(exact);
  return (
    <section className="draft-bar" aria-label="Selecting a passage by keyboard">
      <p role="status" aria-live="polite">
        Selecting {words} {words === 1 ? "word" : "words"}: <q>{shown}</q>
      </p>
      <p className="draft-keys">
        <kbd>←</kbd>/<kbd>→</kbd> end by a word · <kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> start by a word ·{" "}
        <kbd>↑</kbd>/<kbd>↓</kbd> end by a sentence · <kbd>(</kbd>/<kbd>)</kbd> previous / next sentence ·{" "}
        <kbd>Enter</kbd> create the claim
        {canRespan ? (
          <>
            {" "}
            · <kbd>r</kbd> set the selected claim’s passage
          </>
        ) : null}{" "}
        · <kbd>Esc</kbd> cancel
      </p>
    </section>
  );
}
