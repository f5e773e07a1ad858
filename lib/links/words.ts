/**
 * Word handling shared by figure matching and text similarity: lower-cased words, a small
 * stop list, and a light suffix stemmer ("offenses" → "offense", "obstructing" → "obstruct")
 * that is enough to match the wordings these articles use for the same thing.
 */
const STOP = new Set(
  (
    "a an the and or but of for to in on at by with from as such than that this these those is are was were " +
    "be been being has have had it its their there they them he she we our you your his her which who whom " +
    "what when where while not no so if into over under about after before between during up down out also " +
    "more most less many much some any all each other only very can could would should will may might must"
  ).split(" "),
);

export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && /(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-cased words (letters, digits, "287(g)" kept whole), in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/\d+\([a-z]\)|[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Content-word stems: the words that say what a text is about. */
export function contentStems(text: string, extraStop?: ReadonlySet<string>): string[] {
  return words(text)
    .filter((w) => !STOP.has(w) && !(extraStop?.has(w) ?? false) && !/^\d+$/.test(w))
    .map(stem);
}
