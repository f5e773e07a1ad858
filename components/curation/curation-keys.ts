/** What a key press means in the curation view; pure, so it is tested without a browser. */
export type CurationCommand =
  | { kind: "next" }
  | { kind: "previous" }
  | { kind: "next-undecided" }
  | { kind: "accept"; reviewer: number }
  | { kind: "toggle-tag"; slug: string }
  | { kind: "focus-reason" }
  | { kind: "save" };

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/**
 * j/k step through every disagreement, n jumps to the next one without a verdict, 1–9 accept
 * that reviewer's tags, a tag's own shortcut toggles it in the verdict, r goes to the reason,
 * Enter saves. Inside the reason field only Ctrl/⌘+Enter (save) is taken, so typing is free.
 */
export function curationCommand(
  press: KeyPress,
  inTextField: boolean,
  tagShortcuts: ReadonlyMap<string, string>,
): CurationCommand | null {
  if (press.key === "Enter" && (press.ctrlKey || press.metaKey)) return { kind: "save" };
  if (inTextField || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === "Enter") return { kind: "save" };
  if (press.key === "j") return { kind: "next" };
  if (press.key === "k") return { kind: "previous" };
  if (press.key === "n") return { kind: "next-undecided" };
  if (press.key === "r") return { kind: "focus-reason" };
  if (/^[1-9]$/.test(press.key)) return { kind: "accept", reviewer: Number(press.key) - 1 };
  const slug = tagShortcuts.get(press.key.toLowerCase());
  return slug ? { kind: "toggle-tag", slug } : null;
}

/** The reviewer letter shown beside their number: A for 1, B for 2… */
export const reviewerLetter = (index: number) => String.fromCharCode(65 + index);
