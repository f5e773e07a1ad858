import type { TagView } from "@/lib/db/tags";
import type { ClaimStatus } from "@/lib/validation/claim";

export const STATUS_KEYS: Record<string, ClaimStatus> = {
  "1": "proposed",
  "2": "accepted",
  "3": "disputed",
  "4": "rejected",
};

/** Every shortcut, as the help overlay lists them. Tag keys come from the tag vocabulary. */
export function shortcutList(tags: TagView[]): { keys: string; does: string }[] {
  return [
    { keys: "j / k", does: "next / previous claim" },
    { keys: "u", does: "next claim you have not tagged yet" },
    ...tags.map((t) => ({ keys: t.shortcut, does: `toggle your tag “${t.label}”` })),
    ...Object.entries(STATUS_KEYS).map(([key, status]) => ({ keys: key, does: `set status: ${status}` })),
    { keys: "c", does: "create a claim from the selected text" },
    { keys: "v", does: "select a passage by keyboard (arrows: by word, ↑ ↓ ( ): by sentence, Enter: create)" },
    { keys: "r", does: "set the selected claim’s passage to the selected text" },
    { keys: "[ / ]", does: "extend the claim’s start / end by a word" },
    { keys: "{ / }", does: "shrink the claim’s start / end by a word" },
    { keys: "a / d", does: "accept / reject the suggested claim shown (v adjusts it first)" },
    { keys: "A / g", does: "accept every suggestion in its paragraph / show the next suggestion" },
    { keys: "n", does: "write a note on the claim" },
    { keys: "e", does: "write the claim’s statement (in your words) and kind" },
    { keys: "x", does: "delete the claim (or restore a deleted one)" },
    { keys: "Enter", does: "scroll the text to the claim" },
    { keys: "Esc", does: "close this help / clear the message" },
    { keys: "?", does: "show this help" },
  ];
}
