import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

/**
 * What wink-nlp (with its English lite model, which ships inside the npm package: no
 * download) says about one sentence: named entities, part-of-speech tags, lower-cased
 * tokens and a sentiment score in [-1, 1].
 */
export interface SentenceAnalysis {
  entities: { value: string; type: string }[];
  pos: string[];
  tokens: string[];
  sentiment: number;
  /** Adjectives and adverbs that carry sentiment on their own ("reckless", "clearly"): evaluative wording. */
  evaluative: string[];
}

/** A token as written, its part of speech, and where it lies in the sentence. */
export interface Token {
  value: string;
  pos: string;
  start: number;
  end: number;
}

let nlp: ReturnType<typeof winkNLP> | null = null;
const load = () => {
  nlp ??= winkNLP(model);
  return nlp;
};

export function analyse(sentence: string): SentenceAnalysis {
  const wink = load();
  const its = wink.its;
  const doc = wink.readDoc(sentence);
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens = doc.tokens().out(its.normal) as string[];
  return {
    entities: doc.entities().out(its.detail) as unknown as { value: string; type: string }[],
    pos,
    tokens,
    sentiment: doc.out(its.sentiment) as unknown as number,
    evaluative: tokens.filter((t, i) => (pos[i] === "ADJ" || pos[i] === "ADV") && wordSentiment(t) !== 0),
  };
}

// The sentence score counts nouns and verbs too, and legal and police reporting is full of
// negative ones ("arrested", "criminal", "violation") that describe rather than judge; an
// adjective or adverb with a sentiment of its own is the evaluative signal. Cached per word.
const wordScores = new Map<string, number>();
function wordSentiment(word: string): number {
  let score = wordScores.get(word);
  if (score === undefined) {
    score = load().readDoc(word).out(load().its.sentiment) as unknown as number;
    wordScores.set(word, score);
  }
  return score;
}

/** The sentence's tokens with their offsets (wink keeps each token's text as written). */
export function tokenize(sentence: string): Token[] {
  const wink = load();
  const its = wink.its;
  const doc = wink.readDoc(sentence);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const out: Token[] = [];
  let at = 0;
  values.forEach((value, i) => {
    const start = sentence.indexOf(value, at);
    if (start < 0) return; // a token wink rewrote (never seen; skipped rather than misplaced)
    at = start + value.length;
    out.push({ value, pos: pos[i], start, end: at });
  });
  return out;
}
