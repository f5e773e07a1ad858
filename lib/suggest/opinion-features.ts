import { firstPersonStance, MODALS, SENTIMENT_CUE } from "./cues";
import type { SentenceAnalysis } from "./nlp";

/**
 * What the opinion model sees of one sentence: dense features that carry over to text the
 * model was not trained on (the cues, part-of-speech ratios, pronouns, quotes, figures,
 * sentiment), and the sentence's words, with names and numbers replaced by their kind so the
 * model learns "a name was quoted" rather than which name.
 */
export interface OpinionFeatures {
  dense: number[];
  words: string[];
}

export const DENSE_FEATURES = [
  "cue: modal",
  "cue: superlative",
  "cue: first-person stance",
  "cue: evaluative adjective or adverb",
  "cue: |sentiment| past the cue threshold",
  "|sentiment|",
  "sentiment",
  "evaluative words",
  "adjectives / words",
  "adverbs / words",
  "auxiliaries / words",
  "pronouns / words",
  "verbs / words",
  "nouns / words",
  "proper nouns / words",
  "numbers / words",
  "first person (I, we, my, our, us)",
  "second person (you, your)",
  "comparatives (more, less, -er adjectives)",
  "quotation marks",
  "exclamation or question mark",
  "entities",
  "figure entities (number, percent, money, date)",
  "a digit",
  "log(words)",
] as const;

const FIRST_PERSON = /^(?:i|we|me|us|my|our|ours|myself|ourselves)$/;
const SECOND_PERSON = /^(?:you|your|yours|yourself|yourselves)$/;
const FIGURES = new Set(["CARDINAL", "PERCENT", "MONEY", "DATE", "DURATION", "QUANTITY", "TIME", "ORDINAL"]);

export function opinionFeatures(sentence: string, a: SentenceAnalysis): OpinionFeatures {
  const isWord = (i: number) => a.pos[i] !== "PUNCT" && a.pos[i] !== "SYM" && a.pos[i] !== "SPACE";
  const n = Math.max(1, a.tokens.filter((_, i) => isWord(i)).length);
  const count = (pred: (t: string, pos: string) => boolean) =>
    a.tokens.reduce((sum, t, i) => sum + (pred(t, a.pos[i]) ? 1 : 0), 0);
  const ratio = (pos: string) => count((_, p) => p === pos) / n;
  const modal = count((t, p) => MODALS.has(t) && (p === "AUX" || p === "VERB")) > 0;
  const superlative = count((t, p) => p === "ADJ" && /(?:est|most)$/.test(t) && (t.length > 4 || t === "best")) > 0;
  const dense = [
    +modal,
    +superlative,
    +(firstPersonStance(a) !== null),
    +(a.evaluative.length > 0),
    +(Math.abs(a.sentiment) >= SENTIMENT_CUE),
    Math.abs(a.sentiment),
    a.sentiment,
    a.evaluative.length,
    ratio("ADJ"),
    ratio("ADV"),
    ratio("AUX"),
    ratio("PRON"),
    ratio("VERB"),
    ratio("NOUN"),
    ratio("PROPN"),
    ratio("NUM"),
    count((t) => FIRST_PERSON.test(t)),
    count((t) => SECOND_PERSON.test(t)),
    count((t, p) => ((t === "more" || t === "less") && (p === "ADV" || p === "ADJ")) || (p === "ADJ" && /er$/.test(t))),
    (sentence.match(/["“”]/g) ?? []).length,
    +/[!?]/.test(sentence),
    a.entities.length,
    a.entities.filter((e) => FIGURES.has(e.type)).length,
    +/\d/.test(sentence),
    Math.log(n),
  ];
  const words = new Set<string>();
  a.tokens.forEach((t, i) => {
    if (!isWord(i)) return;
    words.add(a.pos[i] === "PROPN" ? "<name>" : a.pos[i] === "NUM" || /\d/.test(t) ? "<number>" : t);
  });
  return { dense, words: [...words] };
}
