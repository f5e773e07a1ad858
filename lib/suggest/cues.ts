import type { SentenceAnalysis } from "./nlp";

export type SuggestedTag = "statistic" | "legal-fact" | "opinion" | null;

export interface Cue {
  tag: SuggestedTag;
  /** Why: the cue that fired, shown to the reviewer. */
  reason: string;
}

const FIGURE_ENTITIES = new Set(["CARDINAL", "PERCENT", "MONEY", "DURATION", "DATE", "ORDINAL", "QUANTITY", "TIME"]);
const STATISTIC_ENTITIES = new Set(["CARDINAL", "PERCENT", "MONEY"]);
// A citation (a section, an act, a code, a court) names a legal fact outright; a program or
// power named by its statute ("287(g)") makes one only with a verb of permission or duty.
const CITATION =
  /\b(?:[Ss]ection \d|§|u\.s\.c\.|c\.f\.r\.|[A-Z][a-z]+ Act\b|statutes?|court|ruled|ruling|constitution(?:al)?|regulations?)\b/;
const PERMISSION =
  /\b(?:allows?|allowed|permits?|permitted|authori[sz]es?|authori[sz]ed|authority|requires?|required|deputi[sz]es?|delegat\w*|confers?|empowers?|may not|can(?:no|')t|prohibit\w*|mandat\w*|warrants?|detainers?)\b/i;
const STATUTE_NAME = /\b\d+\([a-z]\)/g;
export const MODALS = new Set(["should", "must", "ought", "need", "needs", "shall"]);
const BOILERPLATE =
  /\b(?:subscribe|newsletter|sign up|cookies?|all rights reserved|comments are closed|share this|follow us|click here|read more|about author|privacy policy|terms of use)\b|©/i;

/** The sentiment (wink, −1 to 1) past which a sentence reads as evaluative. Tuned on NewsSD train. */
export const SENTIMENT_CUE = 0.4;

// Words that state an amount without a digit ("dozens of lawmakers", "most arrests",
// "a total of two"): general English quantifiers, a statistic like a figure is.
const QUANTIFIER =
  /^(?:dozens|hundreds|thousands|millions|billions|numerous|majority|minority|half|twice|total|percent|most)$/;
// The vocabulary of legal procedure in general (not of one field of law): a sentence that
// says what officers, agencies, courts or agreements do, with no evaluative cue, reports a
// legal fact rather than argues.
const LEGAL_PROCEDURE =
  /\b(?:statut\w+|arrest(?:ed|s)?|booked|jails?|custody|warrants?|detainers?|supervision|proceedings?|screened|jurisdictions?|agreements?|authority|authorities)\b/i;

const YEAR = /^(?:1[89]|20)\d\d$/;
// The author stating a view in the first person ("we believe", "I have often said"):
// general verbs of saying and thinking, auxiliaries and adverbs allowed between.
const STANCE_VERBS = /^(?:said|say|believe|believed|think|thought|feel|felt|argue|argued|know|knew)$/;
const COUNTED =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|dozen|hundred|thousand|million|billion)\b/i;

/**
 * Why a unit is worth suggesting as a claim, and its likely tag, or null for text that is
 * not a claim (too short to assert anything, a question, site boilerplate, a label with no
 * verb and no figure). The order matters: a figure makes a statistic even in an opinionated
 * sentence, as the curated claims do; a modal or superlative makes an opinion even in a
 * sentence about the law.
 */
export function claimCue(unit: string, a: SentenceAnalysis): Cue | null {
  const words = a.tokens.filter((_, i) => a.pos[i] !== "PUNCT" && a.pos[i] !== "SYM");
  if (words.length < 4 || /\?["”’)]*$/.test(unit) || BOILERPLATE.test(unit)) return null;
  // "287(g)" is the name of a statute's section, not a figure.
  const figures = unit.replace(STATUTE_NAME, "");
  const hasVerb = a.pos.some((p) => p === "VERB" || p === "AUX");
  // A short heading or label with no verb and no figure asserts nothing (a longer one is more
  // likely a headline whose verb the tagger missed, "program benefits everyone").
  if (!hasVerb && !/\d/.test(figures) && words.length <= 6) return null;
  // A year on its own ("the Act of 1996") dates something; it is not a figure.
  const stat = a.entities.find(
    (e) => STATISTIC_ENTITIES.has(e.type) && /\d/.test(e.value) && !YEAR.test(e.value) && figures.includes(e.value),
  );
  if (stat) return { tag: "statistic", reason: `a figure: “${stat.value}” (${stat.type.toLowerCase()})` };
  const citation = CITATION.exec(unit);
  if (citation) return { tag: "legal-fact", reason: `a legal citation: “${citation[0]}”` };
  const permission = PERMISSION.exec(unit);
  if (permission && (STATUTE_NAME.test(unit) || /\b(?:law|program|agreement|model)\b/i.test(unit))) {
    STATUTE_NAME.lastIndex = 0;
    return { tag: "legal-fact", reason: `what a law or program permits or requires: “${permission[0]}”` };
  }
  STATUTE_NAME.lastIndex = 0;
  // A period of time or an amount in words is a statistic too ("over the past four years",
  // "dozens of partners"); a date alone ("in 1996") only when no other cue comes first. A
  // period must be counted ("four years", not "in recent years" or "for decades").
  const period = a.entities.find(
    (e) => (e.type === "DURATION" || e.type === "CARDINAL") && figures.includes(e.value) && COUNTED.test(e.value),
  );
  if (period) return { tag: "statistic", reason: `a ${period.type.toLowerCase()}: “${period.value}”` };
  const quantifier = a.tokens.find((t, i) => QUANTIFIER.test(t) && a.pos[i] !== "ADV");
  if (quantifier) return { tag: "statistic", reason: `an amount in words: “${quantifier}”` };
  const stance = firstPersonStance(a);
  if (stance) return { tag: "opinion", reason: `the author's own view: “${stance}”` };
  const modal = a.tokens.find((t, i) => MODALS.has(t) && (a.pos[i] === "AUX" || a.pos[i] === "VERB"));
  if (modal) return { tag: "opinion", reason: `a modal: “${modal}”` };
  const superlative = a.tokens.find(
    (t, i) => a.pos[i] === "ADJ" && /(?:est|most)$/.test(t) && (t.length > 4 || t === "best"),
  );
  if (superlative) return { tag: "opinion", reason: `a superlative: “${superlative}”` };
  if (a.evaluative.length > 0) return { tag: "opinion", reason: `evaluative wording: “${a.evaluative[0]}”` };
  const procedure = LEGAL_PROCEDURE.exec(unit);
  if (procedure) return { tag: "legal-fact", reason: `what the law or its officers do: “${procedure[0]}”` };
  const date = a.entities.find(
    (e) => FIGURE_ENTITIES.has(e.type) && figures.includes(e.value) && (e.type !== "DURATION" || COUNTED.test(e.value)),
  );
  if (date) return { tag: "statistic", reason: `a ${date.type.toLowerCase()}: “${date.value}”` };
  // In argumentative writing, a sentence with no figure, citation or date is most often the
  // author's case: suggested as opinion, for the reviewer to re-tag.
  return { tag: "opinion", reason: "an assertion with no figure, citation or date (argument)" };
}

/**
 * Opinion or not, for one sentence, from positive evidence only (a modal, a superlative,
 * evaluative wording): the subjectivity measurement on NewsSD, where news sentences with
 * no cue are mostly reporting, unlike the sentences of an op-ed.
 */
export function isOpinion(a: SentenceAnalysis, threshold = SENTIMENT_CUE): boolean {
  if (a.tokens.some((t, i) => MODALS.has(t) && (a.pos[i] === "AUX" || a.pos[i] === "VERB"))) return true;
  if (a.tokens.some((t, i) => a.pos[i] === "ADJ" && /(?:est|most)$/.test(t) && (t.length > 4 || t === "best")))
    return true;
  return Math.abs(a.sentiment) >= threshold;
}

/** "I have often said", "we believe": the first-person words, or null. */
export function firstPersonStance(a: SentenceAnalysis): string | null {
  for (let i = 0; i < a.tokens.length; i++) {
    if ((a.tokens[i] !== "i" && a.tokens[i] !== "we") || a.pos[i] !== "PRON") continue;
    for (let j = i + 1; j < Math.min(i + 4, a.tokens.length); j++) {
      if (STANCE_VERBS.test(a.tokens[j])) return a.tokens.slice(i, j + 1).join(" ");
      if (a.pos[j] !== "AUX" && a.pos[j] !== "ADV") break;
    }
  }
  return null;
}
