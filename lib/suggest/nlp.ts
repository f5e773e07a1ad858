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
}

let nlp: ReturnType<typeof winkNLP> | null = null;

export function analyse(sentence: string): SentenceAnalysis {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  const doc = nlp.readDoc(sentence);
  return {
    entities: doc.entities().out(its.detail) as unknown as { value: string; type: string }[],
    pos: doc.tokens().out(its.pos) as string[],
    tokens: doc.tokens().out(its.normal) as string[],
    sentiment: doc.out(its.sentiment) as unknown as number,
  };
}
