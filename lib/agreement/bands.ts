import type { Figure, NoValueReason } from "./types";

/** Landis & Koch (1977) bands, the customary plain-words reading of κ (and, by extension, α). */
export type Band = "poor" | "slight" | "fair" | "moderate" | "substantial" | "almost perfect";

export function landisKochBand(value: number): Band {
  if (value < 0) return "poor";
  if (value <= 0.2) return "slight";
  if (value <= 0.4) return "fair";
  if (value <= 0.6) return "moderate";
  if (value <= 0.8) return "substantial";
  return "almost perfect";
}

const NO_VALUE: Record<NoValueReason, string> = {
  "one-reviewer": "not measurable: only one reviewer has tagged these claims",
  "no-overlap": "not measurable: no claim was tagged by two reviewers",
  "no-variation": "every judgement is the same, so chance agreement is total and the figure is undefined",
};

/** A few words for a table cell where a figure has no value. */
export const SHORT_NO_VALUE: Record<NoValueReason, string> = {
  "one-reviewer": "one reviewer",
  "no-overlap": "no shared claims",
  "no-variation": "all the same",
};

/** A figure in plain words, e.g. "substantial agreement (Landis & Koch), 100 claims". */
export function readFigure(figure: Figure): string {
  const claims = `${figure.n} ${figure.n === 1 ? "claim" : "claims"}`;
  if (figure.value === null) return `${NO_VALUE[figure.reason ?? "no-overlap"]} (${claims})`;
  const band = landisKochBand(figure.value);
  const meaning = band === "poor" ? "less agreement than chance" : `${band} agreement`;
  return `${meaning} (Landis & Koch), ${claims}`;
}

/** The value for display: two decimals, or an em dash when there is none (never "NaN"). */
export function formatFigure(figure: Figure): string {
  return figure.value === null ? "—" : figure.value.toFixed(2);
}
