import type { SentenceAnalysis } from "./nlp";
import { type OpinionFeatures, opinionFeatures } from "./opinion-features";
import shipped from "./opinion-model.json";

/**
 * A logistic regression for "is this sentence an opinion" (sentence-level subjectivity),
 * trained on NewsSD-ENG train.csv by `npm run suggest:train` (lib/suggest/train-opinion.ts).
 * Data: F. Antici, F. Ruggeri, A. Galassi, K. Korre, A. Muti, A. Bardi, A. Fedotova,
 * A. Barrón-Cedeño, "A Corpus for Sentence-Level Subjectivity Detection on English News
 * Articles", LREC-COLING 2024 (nlp-unibo/newssd-eng, CC BY 4.0); the weights derive from it.
 */
export interface OpinionModel {
  attribution: string;
  /** Dense features are standardised with the training mean and deviation before weighting. */
  dense: { names: string[]; mean: number[]; std: number[]; weights: number[] };
  /** Weight of each kept word (present or absent, not counted). */
  words: Record<string, number>;
  bias: number;
  /** Probability past which a sentence is called an opinion. */
  threshold: number;
  hyperparameters: Record<string, number | string>;
  /** Cross-validated macro-F1 on train.csv, for the record. */
  crossValidation: Record<string, number | string>;
}

export const OPINION_MODEL = shipped as OpinionModel;

export function opinionProbability(model: OpinionModel, f: OpinionFeatures): number {
  let z = model.bias;
  f.dense.forEach((x, i) => {
    z += model.dense.weights[i] * ((x - model.dense.mean[i]) / model.dense.std[i]);
  });
  for (const w of f.words) z += model.words[w] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Opinion or not, for one sentence, by the shipped model. */
export function isOpinionByModel(sentence: string, a: SentenceAnalysis, model = OPINION_MODEL): boolean {
  return opinionProbability(model, opinionFeatures(sentence, a)) >= model.threshold;
}
