import { splitParagraphs } from "../anchoring/paragraphs";
import type { Span } from "../anchoring/types";

const LIST_ITEM = /^\s*(?:[•\-*–·]|\d+[.)])\s/;

/**
 * The document text that leads up to a claim and may carry its figure's period, verb or
 * source: the claim's paragraph up to the claim and, when that paragraph is a list or the
 * paragraph before it ends with a colon (a lead-in: "… convicted of the following
 * offenses:"), that paragraph too. Never further: a period two paragraphs away is not this
 * figure's.
 */
export function contextBefore(text: string, paragraphs: Span[], claimStart: number): string {
  const index = paragraphs.findIndex((p) => p.start <= claimStart && claimStart <= p.end);
  if (index === -1) return "";
  const own = paragraphs[index];
  const previous = index > 0 ? paragraphs[index - 1] : null;
  const ownText = text.slice(own.start, claimStart);
  if (!previous) return ownText;
  const previousText = text.slice(previous.start, previous.end);
  const isList = LIST_ITEM.test(text.slice(own.start, own.end));
  return isList || previousText.trimEnd().endsWith(":") ? `${previousText}\n\n${ownText}` : ownText;
}

/** contextBefore for every claim of one document, splitting its paragraphs once. */
export function contextsFor(text: string, claimStarts: number[]): string[] {
  const paragraphs = splitParagraphs(text);
  return claimStarts.map((s) => contextBefore(text, paragraphs, s));
}
