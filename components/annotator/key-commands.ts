import type { SentenceStep } from "@/lib/anchoring/sentence-steps";
import type { SpanStep } from "@/lib/anchoring/word-steps";
import type { ClaimStatus } from "@/lib/validation/claim";
import { STATUS_KEYS } from "./shortcuts";

/** What a key press asks the annotator to do; `commandForKey` decides, the component carries it out. */
export type KeyCommand =
  | { kind: "help" }
  | { kind: "dismiss" }
  | { kind: "create" }
  | { kind: "select-by-keyboard" }
  | { kind: "suggestion"; decision: "accept" | "reject" | "accept-paragraph" | "next" }
  | { kind: "move"; direction: 1 | -1 }
  | { kind: "next-untagged" }
  | { kind: "tag"; tag: string }
  | { kind: "status"; status: ClaimStatus }
  | { kind: "step"; step: SpanStep }
  | { kind: "respan" }
  | { kind: "toggle-deleted" }
  | { kind: "note" }
  | { kind: "describe" }
  | { kind: "scroll-to-claim" };

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  /** The focus is in a text field, a select or editable content: keys belong to it. */
  typing?: boolean;
  /** The focus is on a button, where Enter presses the button. */
  onButton?: boolean;
}

export interface KeyContext {
  hasSelectedClaim: boolean;
  /** A suggested claim waits for a decision (a, d, A, g act on it). */
  hasSuggestion?: boolean;
  tagShortcuts: readonly { shortcut: string; slug: string }[];
}

const SPAN_STEPS: Record<string, SpanStep> = {
  "[": "start-earlier",
  "{": "start-later",
  "]": "end-later",
  "}": "end-earlier",
};

/** The command a key press means, or null when the annotator should leave the key alone. */
export function commandForKey(press: KeyPress, context: KeyContext): KeyCommand | null {
  if (press.altKey || press.ctrlKey || press.metaKey || press.typing) return null;
  const { key } = press;
  if (key === "?") return { kind: "help" };
  if (key === "Escape") return { kind: "dismiss" };
  if (key === "c") return { kind: "create" };
  if (key === "v") return { kind: "select-by-keyboard" };
  if (context.hasSuggestion) {
    if (key === "a") return { kind: "suggestion", decision: "accept" };
    if (key === "d") return { kind: "suggestion", decision: "reject" };
    if (key === "A") return { kind: "suggestion", decision: "accept-paragraph" };
    if (key === "g") return { kind: "suggestion", decision: "next" };
  }
  if (key === "j") return { kind: "move", direction: 1 };
  if (key === "k") return { kind: "move", direction: -1 };
  if (key === "u") return { kind: "next-untagged" };
  // Everything below acts on the selected claim.
  if (!context.hasSelectedClaim) return null;
  const tag = context.tagShortcuts.find((t) => t.shortcut === key);
  if (tag) return { kind: "tag", tag: tag.slug };
  if (Object.hasOwn(STATUS_KEYS, key)) return { kind: "status", status: STATUS_KEYS[key] };
  if (Object.hasOwn(SPAN_STEPS, key)) return { kind: "step", step: SPAN_STEPS[key] };
  if (key === "r") return { kind: "respan" };
  if (key === "x") return { kind: "toggle-deleted" };
  if (key === "n") return { kind: "note" };
  if (key === "e") return { kind: "describe" };
  if (key === "Enter" && !press.onButton) return { kind: "scroll-to-claim" };
  return null;
}

/** What a key means while the reader selects a passage by keyboard (after `v`). */
export type DraftCommand =
  | { kind: "word"; step: SpanStep }
  | { kind: "sentence"; step: SentenceStep }
  | { kind: "create" }
  | { kind: "respan" }
  | { kind: "cancel" };

/**
 * The keyboard selection's keys: arrows move the end by a word (with Shift, the start), up
 * and down move the end by a sentence, ( and ) select the previous / next whole sentence,
 * Enter creates the claim, r sets the selected claim's passage to it, Escape cancels. The
 * claim's own span keys ([ { ] }) work too. Null: the key is not the selection's.
 */
export function commandForDraftKey(press: KeyPress): DraftCommand | null {
  if (press.altKey || press.ctrlKey || press.metaKey || press.typing) return null;
  const { key, shiftKey } = press;
  if (key === "ArrowRight") return { kind: "word", step: shiftKey ? "start-later" : "end-later" };
  if (key === "ArrowLeft") return { kind: "word", step: shiftKey ? "start-earlier" : "end-earlier" };
  if (Object.hasOwn(SPAN_STEPS, key)) return { kind: "word", step: SPAN_STEPS[key] };
  if (key === "ArrowDown") return { kind: "sentence", step: "end-later" };
  if (key === "ArrowUp") return { kind: "sentence", step: "end-earlier" };
  if (key === ")") return { kind: "sentence", step: "next" };
  if (key === "(") return { kind: "sentence", step: "previous" };
  if (key === "Enter" || key === "c") return { kind: "create" };
  if (key === "r") return { kind: "respan" };
  if (key === "Escape") return { kind: "cancel" };
  return null;
}

/** Keys a focused <select> needs for itself; every other key is a shortcut even there. */
const SELECT_KEYS = new Set(["ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown", "Enter", " ", "Tab"]);

/**
 * Whether a key belongs to the focused element rather than to the shortcuts: text fields and
 * editable content keep every key; a <select> keeps only the keys that work it (a letter
 * there would otherwise silently jump to an option instead of tagging).
 */
export function keyBelongsToField(
  target: { tagName: string; isContentEditable?: boolean } | null,
  key: string,
): boolean {
  if (!target) return false;
  if (target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA") return true;
  return target.tagName === "SELECT" && SELECT_KEYS.has(key);
}
