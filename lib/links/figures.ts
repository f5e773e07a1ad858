import { type FoundPeriod, findPeriods, type Period } from "./periods";
import { contentStems } from "./words";

/**
 * A number in a claim and what it is about: what it counts, its qualifier, the period it
 * is tied to (in the claim, earlier in its sentence or paragraph, or in a list's lead-in),
 * the verb of the measure and the source the text names.
 */
export interface Figure {
  value: number;
  /** As written: "1,261". */
  raw: string;
  /** "approximately", "over", "more than"… or null. */
  qualifier: string | null;
  /** The words after the number up to the next clause: "aliens convicted for assault". */
  measure: string;
  /** Content stems of the measure, without words every count here shares ("aliens", "convicted"). */
  measureKey: string[];
  period: Period | null;
  /** Where the period was found. */
  periodFrom: "claim" | "context" | null;
  /** The measure's verb as a lemma: encounter, apprehend, arrest, remove… */
  verb: string | null;
  /** The named source: "ICE". */
  source: string | null;
  /** Offsets of `raw` in the claim text. */
  start: number;
  end: number;
}

const QUALIFIER =
  /\b(approximately|about|around|roughly|nearly|almost|over|under|more than|less than|fewer than|at least|at most|up to|some|an estimated|close to|upwards of)\s+$/i;

// Counts ("1,261", "51,000", "81,312", "36", "2.5 million"), never "287(g)" nor a bare year.
const NUMBER = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?(?![\w(]|,\d)/gi;
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

// Words every offence count in these articles shares; they say nothing about which count it is.
const GENERIC = new Set(["alien", "aliens", "convicted", "people", "persons", "individuals", "criminal", "total"]);

// The verb of the measure, lemmatised. "convicted" is left out on purpose: in "aliens
// convicted for assault" it names the offence, not what the agency did.
const VERBS: [RegExp, string][] = [
  [/\bencounter(?:ed|s|ing)?\b/i, "encounter"],
  [/\bapprehen(?:d|ded|ds|ding|sions?)\b/i, "apprehend"],
  [/\barrest(?:ed|s|ing)?\b/i, "arrest"],
  [/\b(?:remov(?:ed|es|ing|al)|remove)\b/i, "remove"],
  [/\bdeport(?:ed|s|ing|ations?)?\b/i, "deport"],
  [/\bdetain(?:ed|s|ing)?\b|\bdetainers?\b/i, "detain"],
  [/\bidentif(?:y|ied|ies|ying)\b/i, "identify"],
  [/\bscreen(?:ed|s|ing)?\b/i, "screen"],
  [/\bbook(?:ed|ing)\b/i, "book"],
];

// "According to ICE statistics", "ICE announced", "ICE’s FY 2024 report".
const SOURCES: RegExp[] = [
  /\b[Aa]ccording to (?:the )?((?:[A-Z][\w.&]*\s?)+)/,
  /\b((?:[A-Z][\w.&]*\s?)+?)(?:’s|'s)?\s+(?:announced|reported|reports|records|recorded|published|says|said|stated)\b/,
  /\b((?:[A-Z][\w.&]*\s?)+?)(?:’s|'s)\s+(?:[\w\s]{0,20}\s)?(?:report|statistics|data|figures)\b/,
];
const NOT_A_SOURCE = /^(the|this|that|these|it|in|from|nationwide|as|according)$/i;

/** The verb nearest the end of `text` (last: true) or nearest its start. */
function verbIn(text: string, last: boolean): string | null {
  let best: { at: number; verb: string } | null = null;
  for (const [re, verb] of VERBS) {
    const all = [...text.matchAll(new RegExp(re.source, "gi"))];
    const hit = last ? all.at(-1) : all[0];
    if (!hit) continue;
    const at = hit.index ?? 0;
    if (best === null || (last ? at > best.at : at < best.at)) best = { at, verb };
  }
  return best?.verb ?? null;
}

function lastSource(text: string): string | null {
  let best: { at: number; name: string } | null = null;
  for (const re of SOURCES) {
    for (const m of text.matchAll(new RegExp(re.source, "g"))) {
      const name = m[1]
        .trim()
        .split(/\s+/)[0]
        .replace(/(’s|'s)$/, "");
      if (!name || NOT_A_SOURCE.test(name)) continue;
      if (best === null || (m.index ?? 0) >= best.at) best = { at: m.index ?? 0, name };
    }
  }
  return best?.name ?? null;
}

/** The text of the clause a number opens: up to the next ",", ";", ":" or sentence end. */
function measureAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const stop = rest.search(/[;:.!?]|,\s|\s(?:and|or)\s+(?=\d)|\n/);
  return (stop === -1 ? rest : rest.slice(0, stop))
    .replace(/^\s*(?:for|of|in)\s+/i, "")
    .replace(/\s+(?:and|or)$/i, "")
    .trim();
}

const nearestBefore = (periods: FoundPeriod[], at: number) => periods.filter((p) => p.index < at).at(-1) ?? null;

/**
 * Every figure in `claim`. `before` is the document text that leads up to the claim (its
 * paragraph so far, plus a list's lead-in: see contextBefore); it supplies the period,
 * verb and source when the claim itself does not state them.
 */
export function extractFigures(claim: string, before = ""): Figure[] {
  const periods = findPeriods(claim);
  const inPeriod = (i: number) => periods.some((p) => p.index <= i && i < p.index + p.length);
  const contextPeriods = findPeriods(before);
  const figures: Figure[] = [];
  for (const m of claim.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const raw = m[0];
    const digits = m[1];
    if (inPeriod(start)) continue;
    if (/^(?:1[89]|20)\d\d$/.test(digits)) continue; // a year, not a count
    if (/^0\d/.test(digits)) continue; // the tail of a number written with a space ("500 000")
    const value = Number(digits.replace(/,/g, "")) * (m[2] ? SCALE[m[2].toLowerCase()] : 1);
    const qualifier =
      claim
        .slice(Math.max(0, start - 20), start)
        .match(QUALIFIER)?.[1]
        .toLowerCase() ?? null;
    const measure = measureAfter(claim, start + raw.length);
    // The period: the nearest one before the number in the claim, else after it in the
    // claim ("… 36 to 149 between 2017 and 2021"), else the nearest in the context.
    const own = nearestBefore(periods, start) ?? periods[0] ?? null;
    const inherited = own ? null : nearestBefore(contextPeriods, before.length);
    const period = own ?? inherited;
    const lead = before + claim.slice(0, start);
    figures.push({
      value,
      raw,
      qualifier,
      measure,
      // The head of the measure says what is counted; a long tail ("… such as fentanyl") adds
      // little, and single letters ("287 g") nothing.
      measureKey: [...new Set(contentStems(measure, GENERIC).filter((w) => w.length > 1))].slice(0, 6),
      period: period ? { text: period.text, label: period.label, from: period.from, to: period.to } : null,
      periodFrom: own ? "claim" : inherited ? "context" : null,
      verb: verbIn(claim.slice(start), false) ?? verbIn(lead, true),
      source: lastSource(`${lead}${claim.slice(start)}`),
      start,
      end: start + raw.length,
    });
  }
  return figures;
}
