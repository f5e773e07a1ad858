/**
 * Spelling alternatives for a word that matched nothing: every word one edit away (a letter
 * swapped with its neighbour, changed, left out or added), likeliest typos first. Pure; the
 * engine asks its index which of them occur (SearchEngine.knownWords), so a suggestion is
 * a real word of the corpus, found the same way on SQLite and PostgreSQL, with no
 * vocabulary table to keep.
 */

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/** Shorter words have too many neighbours to guess from; longer ones are rarely mistyped whole. */
export const SPELLING_MIN = 4;
export const SPELLING_MAX = 20;

export function oneEditAway(word: string): string[] {
  if (word.length < SPELLING_MIN || word.length > SPELLING_MAX || !/^[a-z]+$/.test(word)) return [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)); // transposed
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) out.add(word.slice(0, i) + c + word.slice(i + 1)); // changed
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1)); // left out
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) out.add(word.slice(0, i) + c + word.slice(i)); // added
  out.delete(word);
  return [...out];
}
