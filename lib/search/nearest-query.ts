import type { FilterTerm, ParsedQuery, TextTerm } from "./query-syntax";

/**
 * When a search finds nothing: what was searched, in words, and the queries nearest to it
 * that might match, nearest first. Pure; lib/db/search.ts runs the candidates and offers the
 * first that finds something, so a suggestion is never itself a dead end.
 */

function describeOne(term: TextTerm): string {
  const words = term.tokens.join(" ");
  if (term.prefix) return `words starting with “${words}”`;
  if (term.quoted) return term.tokens.length > 1 ? `the exact phrase “${words}”` : `the exact word “${words}”`;
  if (term.tokens.length > 1) return `“${words}”`;
  return term.forms ? `“${words}” (and its other forms)` : `“${words}”`;
}

function describeText(term: TextTerm): string {
  const any = [term, ...(term.anyOf ?? [])].map(describeOne).join(" or ");
  return term.negated ? `not ${any}` : any;
}

/** E.g. `“homicides” (and its other forms), tag:statistic, not the exact phrase “fox news”`. */
export function describeQuery(query: ParsedQuery): string {
  return [...query.text.map(describeText), ...query.filters.map((f) => f.source)].join(", ");
}

type Term = TextTerm | FilterTerm;

function render(terms: Term[]): string {
  return terms.map((t) => t.source).join(" ");
}

/** A quoted word or phrase typed without its quotes (and so with its other forms). */
function unquoted(term: TextTerm): string {
  return `${term.negated ? "-" : ""}${term.tokens.join(" ")}${term.prefix ? "*" : ""}`;
}

/** Candidate queries, nearest first, each different from the query and from each other. */
export function nearerQueries(query: ParsedQuery): string[] {
  const terms: Term[] = [...query.text, ...query.filters];
  const original = render(terms);
  const candidates: string[] = [];
  const positive = query.text.filter((t) => !t.negated);

  // 1. Quotes removed: "homicides" → homicides (which also finds homicide).
  if (query.text.some((t) => t.quoted && !t.anyOf))
    candidates.push(
      render(terms.map((t) => (t.kind === "text" && t.quoted && !t.anyOf ? { ...t, source: unquoted(t) } : t))),
    );
  // 2. Every word rather than all of them: a b → a OR b.
  if (positive.length > 1) {
    const rest = terms.filter((t) => !(t.kind === "text" && !t.negated));
    candidates.push([positive.map((t) => t.source).join(" OR "), render(rest)].filter(Boolean).join(" "));
  }
  // 3. One filter or exclusion fewer, then one word fewer.
  for (const t of terms) if (t.kind === "filter" || t.negated) candidates.push(render(terms.filter((u) => u !== t)));
  if (positive.length > 1) for (const t of positive) candidates.push(render(terms.filter((u) => u !== t)));
  // 4. A long bare word as a prefix of itself, for a typo at its end: homicidez → homicid*.
  for (const t of positive) {
    const word = t.tokens[0];
    if (t.tokens.length === 1 && !t.prefix && !t.quoted && !t.anyOf && word.length >= 6)
      candidates.push(render(terms.map((u) => (u === t ? { ...t, source: `${word.slice(0, -2)}*` } : u))));
  }
  return [...new Set(candidates)].filter((c) => c.trim() !== "" && c !== original);
}

/** The bare single words of a query that spelling could correct (not quoted, no prefix, no OR). */
export function respellableTerms(query: ParsedQuery): TextTerm[] {
  return query.text.filter((t) => !t.negated && !t.quoted && !t.prefix && !t.anyOf && t.tokens.length === 1);
}

/** The query with one term replaced by another word, everything else as typed. */
export function respelled(query: ParsedQuery, term: TextTerm, word: string): string {
  return render([...query.text, ...query.filters].map((t) => (t === term ? { ...term, source: word } : t)));
}
