import { stem } from "./words";

export interface DiffPiece {
  text: string;
  /** True when this word is not in the other version(s): what the reviewer should look at. */
  differs: boolean;
}

const lemma = (w: string) => stem(w.toLowerCase().replace(/[’']s$/, ""));

/**
 * Splits one version into pieces, marking the words that no other version has (compared
 * by stem, case-insensitive; numbers compared whole, so "920" and "1,261" differ but
 * "offenses" and "offense" do not). Pure, for the Discrepancies page.
 */
export function markDifferingWords(text: string, others: string[]): DiffPiece[] {
  const seen = new Set<string>();
  for (const o of others)
    for (const w of o.match(/[\p{L}\p{N}][\p{L}\p{N},.’'()-]*[\p{L}\p{N})]|[\p{L}\p{N}]/gu) ?? []) seen.add(lemma(w));
  const pieces: DiffPiece[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N},.’'()-]*[\p{L}\p{N})]|[\p{L}\p{N}]/gu;
  let at = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > at) pieces.push({ text: text.slice(at, i), differs: false });
    pieces.push({ text: m[0], differs: !seen.has(lemma(m[0])) });
    at = i + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), differs: false });
  // A space between two differing words belongs to the marked run: one mark per phrase.
  pieces.forEach((p, i) => {
    if (!p.differs && p.text.trim() === "" && pieces[i - 1]?.differs && pieces[i + 1]?.differs) p.differs = true;
  });
  return pieces.reduce<DiffPiece[]>((out, p) => {
    const last = out.at(-1);
    if (last && last.differs === p.differs) last.text += p.text;
    else out.push({ ...p });
    return out;
  }, []);
}
