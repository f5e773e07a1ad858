import { FLAG_KINDS } from "../links/types";
import { CLAIM_STATUSES } from "../validation/claim";
import { foldToken } from "./fold-token";
import { inflectedForms } from "./inflections";

/**
 * The query language reviewers type, parsed into terms. Pure: no SQL here, so every
 * engine (SQLite FTS5 now, PostgreSQL later) builds its own query from the same terms,
 * and nothing a user types reaches a database as syntax.
 *
 *   words            immigration sheriff      every word must match (any text field)
 *   "exact phrase"   "local police"           the words in this order
 *   prefix*          deport*                  any word starting with "deport"
 *   -excluded        -opinion -"fox news"     leave out matches (words, phrases, filters)
 *   a OR b           homicide OR murder       either word (OR in capitals, between words)
 *
 * A bare word also matches its inflected forms (homicides → homicide; see inflections.ts);
 * a quoted word or phrase and a prefix mean exactly what was typed.
 *   filters          tag:statistic doc:<slug> reviewer:<email> status:<status>
 *                    has:note disagreement:yes linked:yes flag:period final:<tag> adjudicated:yes|no
 */

export const FILTER_FIELDS = [
  "tag",
  "doc",
  "reviewer",
  "status",
  "has",
  "disagreement",
  "linked",
  "flag",
  "final",
  "adjudicated",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export interface TextTerm {
  kind: "text";
  /** Word tokens (letters, digits), in order; more than one makes a phrase. */
  tokens: string[];
  /** Typed in quotes. */
  quoted: boolean;
  /** The last token is a prefix (typed with a trailing *). */
  prefix: boolean;
  negated: boolean;
  /** As typed, e.g. `-"open borders"`, so the query can be edited without rewriting it. */
  source: string;
  /**
   * For a single word typed bare (no quotes, no *): every inflected form that matches too,
   * the word itself first (inflections.ts). Absent when the word has no other form.
   */
  forms?: string[];
  /** Terms typed after it with OR (`homicide OR murder`): a claim matches any of them. */
  anyOf?: TextTerm[];
}

export interface FilterTerm {
  kind: "filter";
  field: FilterField;
  /** Normalised: lower case; tag labels as slugs; has → "note"; disagreement, adjudicated → "yes" | "no". */
  value: string;
  negated: boolean;
  /** As typed, e.g. `tag:"legal fact"`. */
  source: string;
}

export interface ParsedQuery {
  text: TextTerm[];
  filters: FilterTerm[];
  /** What was changed or left out, in words a reviewer understands. */
  notices: string[];
}

export class QuerySyntaxError extends Error {}

export const MAX_QUERY_LENGTH = 1000;
export const MAX_TERMS = 24;
/** Shorter prefixes expand to too many words to be useful or fast. */
export const MIN_PREFIX_LENGTH = 3;

// The same characters FTS5's unicode61 tokenizer keeps in a token (letters, numbers,
// private use), plus combining marks so an accented letter stays one token.
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const FILTER = /^([a-z]+):(.*)$/is;
const HAS_VALUES: Record<string, string> = { note: "note", notes: "note" };
const EXAMPLES: Record<FilterField, string> = {
  tag: "tag:statistic",
  doc: "doc:<document slug>",
  reviewer: "reviewer:<email>",
  status: "status:disputed",
  has: "has:note",
  disagreement: "disagreement:yes",
  linked: "linked:yes",
  flag: "flag:period",
  final: "final:statistic",
  adjudicated: "adjudicated:yes",
};
const YES_NO: Record<string, string> = { yes: "yes", true: "yes", y: "yes", no: "no", false: "no", n: "no" };

interface Chunk {
  /** The unquoted text, e.g. `deport*`, `tag:statistic`, or `tag:` before a quoted value. */
  bare: string;
  /** The text between quotes, when the chunk has them. */
  quoted: string | null;
  negated: boolean;
  /** A * at the end of the word or right after the closing quote. */
  star: boolean;
  source: string;
}

/** Splits the input into chunks: words (possibly key:value or key:"value") and quoted phrases. */
function splitChunks(input: string, notices: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  const isSpace = (c: string) => /\s/u.test(c);
  let i = 0;
  while (i < input.length) {
    while (i < input.length && isSpace(input[i])) i++;
    if (i >= input.length) break;
    const from = i;
    let negated = false;
    if (input[i] === "-" && i + 1 < input.length && !isSpace(input[i + 1])) {
      negated = true;
      i++;
    }
    let bare = "";
    let quoted: string | null = null;
    while (i < input.length && !isSpace(input[i]) && input[i] !== '"') bare += input[i++];
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1) notices.push("A closing quote was missing; the phrase runs to the end of the query.");
      const end = close === -1 ? input.length : close;
      quoted = input.slice(i + 1, end);
      i = end + 1;
    }
    let star = quoted === null && bare.endsWith("*");
    while (quoted !== null && input[i] === "*") {
      star = true;
      i++;
    }
    chunks.push({ bare, quoted, negated, star, source: input.slice(from, i) });
  }
  return chunks;
}

function normaliseFilterValue(field: FilterField, raw: string): string {
  const value = raw.trim().toLowerCase();
  switch (field) {
    case "tag":
    case "final":
      // Labels may be typed with spaces ("legal fact"); slugs use hyphens.
      return value.replace(/\s+/g, "-");
    case "status":
      if (!(CLAIM_STATUSES as readonly string[]).includes(value)) {
        throw new QuerySyntaxError(
          `status:${raw} is not a status; use one of ${CLAIM_STATUSES.map((s) => `status:${s}`).join(", ")}.`,
        );
      }
      return value;
    case "has":
      if (!HAS_VALUES[value]) throw new QuerySyntaxError(`has:${raw} is not a filter; use has:note.`);
      return HAS_VALUES[value];
    case "disagreement":
      if (!YES_NO[value])
        throw new QuerySyntaxError(`disagreement:${raw} is not a filter; use disagreement:yes or disagreement:no.`);
      return YES_NO[value];
    case "linked":
      if (!YES_NO[value]) throw new QuerySyntaxError(`linked:${raw} is not a filter; use linked:yes or linked:no.`);
      return YES_NO[value];
    case "flag":
      if (!(FLAG_KINDS as readonly string[]).includes(value))
        throw new QuerySyntaxError(
          `flag:${raw} is not a flag; use one of ${FLAG_KINDS.map((k) => `flag:${k}`).join(", ")}.`,
        );
      return value;
    case "adjudicated":
      if (!YES_NO[value])
        throw new QuerySyntaxError(`adjudicated:${raw} is not a filter; use adjudicated:yes or adjudicated:no.`);
      return YES_NO[value];
    default:
      return value;
  }
}

function textTerm(chunk: Chunk): TextTerm | null {
  const tokens = [...(chunk.bare.match(TOKEN) ?? []), ...(chunk.quoted?.match(TOKEN) ?? [])];
  if (tokens.length === 0) return null;
  const term: TextTerm = {
    kind: "text",
    tokens,
    quoted: chunk.quoted !== null,
    prefix: chunk.star,
    negated: chunk.negated,
    source: chunk.source,
  };
  if (tokens.length === 1 && !term.quoted && !term.prefix) {
    const forms = inflectedForms(foldToken(tokens[0]));
    if (forms.length > 1) term.forms = forms;
  }
  return term;
}

/** OR, in capitals and on its own, between two words or phrases; "or" is an ordinary word. */
function isOr(chunk: Chunk): boolean {
  return chunk.bare === "OR" && chunk.quoted === null && !chunk.negated;
}

/** key:value or key:"value" with a known key, as a filter; anything else is text. */
function filterParts(chunk: Chunk): { field: FilterField; raw: string } | null {
  const match = FILTER.exec(chunk.quoted === null ? chunk.bare : `${chunk.bare}${chunk.quoted}`);
  if (!match || (chunk.quoted !== null && !chunk.bare.endsWith(":"))) return null;
  const field = match[1].toLowerCase();
  return (FILTER_FIELDS as readonly string[]).includes(field) ? { field: field as FilterField, raw: match[2] } : null;
}

/**
 * Parses what a reviewer typed. Never throws on odd input (unbalanced quotes, FTS
 * operators, punctuation, emoji): those become plain words or are dropped with a
 * notice. Throws QuerySyntaxError, with a message to show, only for input that cannot
 * mean anything useful: too long, or a filter with an impossible value.
 */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError(`The query is ${input.length} characters long; the limit is ${MAX_QUERY_LENGTH}.`);
  }
  // U+E000 marks filter tokens in the index (lib/search/sqlite/fts-match.ts): never a word.
  input = input.replaceAll("\uE000", " ");
  const notices: string[] = [];
  const text: TextTerm[] = [];
  const filters: FilterTerm[] = [];
  let dropped = 0;
  // The term an OR typed just before joins, or null.
  let orWith: TextTerm | null = null;
  const orLeftOut = () => {
    if (orWith) notices.push("OR joins two words or phrases (homicide OR murder); an OR without them was left out.");
    orWith = null;
  };
  for (const chunk of splitChunks(input, notices)) {
    if (text.length + filters.length >= MAX_TERMS) {
      dropped++;
      continue;
    }
    if (isOr(chunk)) {
      const last = text[text.length - 1];
      orWith = last && !last.negated ? last : null;
      if (!orWith) notices.push("OR joins two words or phrases (homicide OR murder); an OR without them was left out.");
      continue;
    }
    const filter = filterParts(chunk);
    if (filter) {
      const { field, raw } = filter;
      if (raw.trim() === "") {
        notices.push(`${field}: needs a value (e.g. ${EXAMPLES[field]}); it was left out.`);
        continue;
      }
      orLeftOut();
      filters.push({
        kind: "filter",
        field,
        value: normaliseFilterValue(field, raw),
        negated: chunk.negated,
        source: chunk.source,
      });
      continue;
    }
    const term = textTerm(chunk);
    if (!term) continue;
    if (term.prefix && term.tokens[term.tokens.length - 1].length < MIN_PREFIX_LENGTH) {
      term.prefix = false;
      notices.push(
        `A prefix needs at least ${MIN_PREFIX_LENGTH} letters; "${term.tokens.join(" ")}*" was searched as a word.`,
      );
    }
    if (orWith && !term.negated) {
      orWith.anyOf = [...(orWith.anyOf ?? []), term];
      orWith.source += ` OR ${term.source}`;
      orWith = null;
      continue;
    }
    orLeftOut();
    text.push(term);
  }
  orLeftOut();
  if (dropped > 0) notices.push(`Only the first ${MAX_TERMS} terms were used; ${dropped} more were left out.`);
  return { text, filters, notices };
}

/** True when the query asks for nothing (no words, no filters). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.text.length === 0 && query.filters.length === 0;
}

/** True when the query has words to rank by: at least one word or phrase that is not excluded. */
export function hasRankableText(query: ParsedQuery): boolean {
  return query.text.some((t) => !t.negated);
}
