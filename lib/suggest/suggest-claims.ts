import { claimCue, type SuggestedTag } from "./cues";
import { analyse } from "./nlp";
import { splitUnits } from "./units";

export interface ClaimSuggestion {
  start: number;
  end: number;
  exact: string;
  tag: SuggestedTag;
  reason: string;
}

/** Suggested claims for a text, in reading order: every checkable unit with a cue, its tag and why. */
export function suggestClaims(text: string): ClaimSuggestion[] {
  const out: ClaimSuggestion[] = [];
  for (const span of splitUnits(text)) {
    const exact = text.slice(span.start, span.end);
    const cue = claimCue(exact, analyse(exact));
    if (cue) out.push({ ...span, exact, tag: cue.tag, reason: cue.reason });
  }
  return out;
}
