import type { SpanStep } from "@/lib/anchoring/word-steps";
import type { ClaimStatus } from "@/lib/validation/claim";
import { STATUS_KEYS } from "./shortcuts";

/** What a key press asks the annotator to do; `commandForKey` decides, the component carries it out. */
export type KeyCommand =
  | { kind: "help" }
  | { kind: "dismiss" }
  | { kind: "create" }
  | { kind: "move"; direction: 1 | -1 }
  | { kind: "tag"; tag: string }
  | { kind: "status"; status: ClaimStatus }
  | { kind: "step"; step: SpanStep }
  | { kind: "respan" }
  | { kind: "toggle-deleted" }
  | { kind: "note" }
  | { kind: "scroll-to-claim" };

export interface KeyPress {
  key: string;
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
  if (key === "j") return { kind: "move", direction: 1 };
  if (key === "k") return { kind: "move", direction: -1 };
  // Everything below acts on the selected claim.
  if (!context.hasSelectedClaim) return null;
  const tag = context.tagShortcuts.find((t) => t.shortcut === key);
  if (tag) return { kind: "tag", tag: tag.slug };
  if (Object.hasOwn(STATUS_KEYS, key)) return { kind: "status", status: STATUS_KEYS[key] };
  if (Object.hasOwn(SPAN_STEPS, key)) return { kind: "step", step: SPAN_STEPS[key] };
  if (key === "r") return { kind: "respan" };
  if (key === "x") return { kind: "toggle-deleted" };
  if (key === "n") return { kind: "note" };
  if (key === "Enter" && !press.onButton) return { kind: "scroll-to-claim" };
  return null;
}
