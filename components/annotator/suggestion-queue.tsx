import type { SuggestionForReading } from "@/lib/db/suggestions";
import type { TagView } from "@/lib/db/tags";
import { TagBadge } from "../tags/tag-badge";

interface Props {
  pending: number;
  current: SuggestionForReading;
  tag: TagView | undefined;
  canWrite: boolean;
  onAccept: () => void;
  onAdjust: () => void;
  onReject: () => void;
  onAcceptParagraph: () => void;
  onSkip: () => void;
}

/** The suggested claim to decide next, why it was suggested, and one key per decision. */
export function SuggestionQueue({ pending, current, tag, canWrite, ...on }: Props) {
  return (
    <section className="suggestion-queue" aria-label="Suggested claims">
      <h2 className="detail-heading">
        Suggested claims <span className="count">{pending} pending</span>
      </h2>
      <blockquote className="detail-quote">{current.exact}</blockquote>
      <p className="detail-row">
        {tag ? <TagBadge tag={tag} muted /> : <span>no tag</span>} · why: {current.reason}
      </p>
      {canWrite ? (
        <div className="suggestion-actions">
          <button type="button" className="button-small" onClick={on.onAccept} aria-keyshortcuts="a">
            Accept <kbd>a</kbd>
          </button>
          <button type="button" className="button-quiet" onClick={on.onAdjust} aria-keyshortcuts="v">
            Adjust, then Enter <kbd>v</kbd>
          </button>
          <button type="button" className="button-quiet" onClick={on.onReject} aria-keyshortcuts="d">
            Reject <kbd>d</kbd>
          </button>
          <button type="button" className="button-quiet" onClick={on.onAcceptParagraph} aria-keyshortcuts="Shift+A">
            Accept all in this paragraph <kbd>A</kbd>
          </button>
          <button type="button" className="button-quiet" onClick={on.onSkip} aria-keyshortcuts="g">
            Next <kbd>g</kbd>
          </button>
        </div>
      ) : null}
    </section>
  );
}
