import type { Span } from "../anchoring/types";
import type { Token } from "./nlp";

/**
 * Where a sentence splits into separately checkable parts, from its part-of-speech tags
 * (wink-nlp). Each rule is a general pattern of English syntax, not a phrase list; a cut is
 * made only when both sides keep enough words to assert something on their own, so noun
 * lists ("federal, state, and local") and coordinated verbs ("arrest and book") stay whole.
 * Returns spans relative to the sentence, separators (commas, dashes, a coordinating
 * conjunction) left out.
 */
export function splitClauses(sentence: string, tokens: Token[]): Span[] {
  const cuts = new Map<number, number>(); // token index where a part starts → index of the last separator token before it
  const cut = (from: number, startsAt: number) => cuts.set(startsAt, from);
  const words = (a: number, b: number) => countWords(tokens, a, b);
  const isVerb = (t?: Token) => t?.pos === "VERB" || t?.pos === "AUX";
  const hasVerb = (a: number, b: number) => tokens.slice(a, b).some(isVerb);
  const nextComma = (i: number) => {
    const j = tokens.findIndex((t, k) => k > i && /^[,;—–]$/.test(t.value));
    return j < 0 ? tokens.length : j;
  };
  const lastCut = (i: number) => Math.max(0, ...[...cuts.keys()].filter((k) => k <= i));
  const n = tokens.length;

  // A label before a colon ("Warrant Service Officer Model: Introduced in 2019, …") names
  // what follows and asserts nothing itself: the text after it is read as a sentence start.
  let head = 0;
  const colon = tokens.findIndex((t) => t.value === ":");
  if (colon > 0 && !hasVerb(0, colon) && words(colon + 1, n) >= 3) {
    cut(colon, colon + 1);
    head = colon + 1;
  }

  // An introductory participle ("Having spent two decades…", "Introduced in 2019…"), concessive
  // ("Although…") or means clause ("By training…") asserts its own content, unlike a condition
  // or a time ("If…", "When…"), which only qualifies the main clause: cut where the main
  // clause begins, at the first comma followed by a subject and its verb (not at a comma
  // inside the clause's own list, "to identify, process, and remove…").
  const first = tokens[head];
  const intro =
    (first?.pos === "VERB" && /(?:ing|ed|en)$/i.test(first.value)) ||
    /^(?:although|though|whereas)$/i.test(first?.value ?? "") ||
    (/^by$/i.test(first?.value ?? "") && /ing$/i.test(tokens[head + 1]?.value ?? ""));
  if (intro) {
    for (let c = nextComma(head); c < n; c = nextComma(c)) {
      const subject = tokens[c + 1];
      const startsClause =
        subject && /^(?:DET|PRON|PROPN|NOUN|ADJ|NUM)$/.test(subject.pos) && hasVerb(c + 1, nextComma(c + 1));
      if (startsClause && words(head, c) >= 3 && words(c + 1, n) >= 3) {
        cut(c, c + 1);
        break;
      }
    }
  }

  for (let i = 1; i < n; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const lower = t.value.toLowerCase();
    // A semicolon or a dash joins two statements. A pair of dashes encloses an aside that
    // describes what comes just before it: the aside stays with it, and the cut comes after.
    if (/^[;—–]$/.test(t.value)) {
      const pairedOpen =
        /^[—–]$/.test(t.value) && tokens.slice(0, i).filter((x) => /^[—–]$/.test(x.value)).length % 2 === 1;
      const isOpening =
        /^[—–]$/.test(t.value) && !pairedOpen && tokens.slice(i + 1).some((x) => /^[—–]$/.test(x.value));
      if (!isOpening && words(lastCut(i), i) >= 2 && words(i + 1, n) >= 2) cut(i, i + 1);
      continue;
    }
    // "…, and the relationship allows…", "…, while the WSO model is…": a coordinating or
    // contrasting conjunction after a comma that starts a clause with its own verb. The
    // coordinating conjunction is a separator; "while", "whereas" and "because" carry meaning and stay.
    if (prev.value === "," && (/^(?:and|but|yet|so)$/i.test(lower) || /^(?:while|whereas|because)$/i.test(lower))) {
      const end = nextComma(i);
      if (hasVerb(i + 1, end) && words(i + 1, end) >= 3 && words(lastCut(i), i) >= 3) {
        cut(i - 1, t.pos === "CCONJ" ? i + 1 : i);
        continue;
      }
    }
    // Coordinated predicates sharing a subject: "…has been a success and is championed by…",
    // "…removal of aliens and embraced amnesty". A conjunction followed by an auxiliary, a
    // finite verb or a pronoun subject, after a clause that has its own verb; not a gerund
    // list ("interviewing…, and preparing…") nor verbs joined directly ("arrest and book").
    if (/^(?:and|but)$/i.test(lower) && prev.value !== "," && !isVerb(prev) && prev.pos !== "ADV") {
      const next = tokens[i + 1];
      const startsPredicate =
        next?.pos === "AUX" ||
        (next?.pos === "VERB" && !/ing$/i.test(next.value)) ||
        (next?.pos === "PRON" && isVerb(tokens[i + 2]));
      if (startsPredicate && hasVerb(lastCut(i), i) && words(lastCut(i), i) >= 4 && words(i + 1, n) >= 3) {
        cut(i, i + 1);
        continue;
      }
    }
    // A list of counts: "approximately 775 aliens convicted for assault, 704 convicted for
    // drugs, and 21 convicted for homicide" — each figure with its own noun or verb is a
    // statistic of its own. Not a date ("July 4, 2020"): the part before must not end in a number.
    if (t.pos === "NUM" && /\d/.test(t.value)) {
      let sep = -1;
      if (prev.value === ",") sep = i - 1;
      else if (/^and$/i.test(prev.value)) sep = tokens[i - 2]?.value === "," ? i - 2 : i - 1;
      if (sep > 0 && tokens[sep - 1]?.pos !== "NUM") {
        const from = lastCut(sep);
        const before = tokens.slice(from, sep);
        if (before.some((x) => x.pos === "NUM" && /\d/.test(x.value)) && words(i, nextComma(i)) >= 2) {
          cut(sep, i);
          continue;
        }
      }
    }
    // After a comma: a participle phrase ("…, allowing ICE to enter…", "…, created more than
    // 20 years ago,") or a predicate resuming after an aside ("ICE, the federal agency…, has
    // been transformed") states something of its own.
    if (prev.value === "," && i >= 2) {
      const end = nextComma(i);
      const participle = t.pos === "VERB" && /(?:ing|ed|en)$/i.test(t.value) && !/^including$/i.test(lower);
      const resumes = t.pos === "AUX" || (t.pos === "VERB" && !participle && /s$|ed$/i.test(t.value));
      if ((participle && words(i, end) >= 4) || (resumes && words(i, end) >= 3)) {
        if (words(lastCut(i), i - 1) >= 3) cut(i - 1, i);
      }
    }
  }

  // Parts from the cuts, with separators and surrounding punctuation trimmed.
  const starts = [...cuts.keys()].sort((a, b) => a - b);
  const parts: Span[] = [];
  let from = 0;
  for (const s of [...starts, n]) {
    const lastTok = s === n ? n : cuts.get(s)!;
    if (from < lastTok) {
      const span = trimPart(sentence, tokens[from].start, tokens[lastTok - 1].end);
      if (span) parts.push(span);
    }
    from = s;
  }
  if (parts.length === 0) return [{ start: 0, end: sentence.length }];
  // The sentence's closing punctuation belongs to its last part.
  const last = parts[parts.length - 1];
  last.end = Math.max(last.end, trimPart(sentence, last.start, sentence.length)?.end ?? last.end);
  return parts;
}

function countWords(tokens: Token[], a: number, b: number): number {
  let n = 0;
  for (let i = Math.max(0, a); i < Math.min(b, tokens.length); i++) if (/[\p{L}\p{N}]/u.test(tokens[i].value)) n++;
  return n;
}

/** Trims whitespace and the separators a cut leaves at either end (comma, semicolon, dash, colon). */
function trimPart(text: string, start: number, end: number): Span | null {
  while (start < end && /[\s,;:—–]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–]/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
