import type { Figure } from "./figures";
import { samePeriod } from "./periods";
import type { DetectedFlag, FlagKind } from "./types";

export interface FlagMember {
  label: string;
  figure: Figure;
}

const quoted = (label: string) => `“${label.length > 48 ? `${label.slice(0, 45)}…` : label}”`;
const PAST: Record<string, string> = { remove: "removed", identify: "identified" };
const past = (verb: string) => PAST[verb] ?? `${verb}ed`;
const describe = (f: Figure) => `${f.qualifier ? `${f.qualifier} ` : ""}${f.raw}`;

/**
 * The discrepancies between versions of one figure (or one measure), each once, with a
 * reason a reviewer can check against the two passages. `sameValue` says the group claims
 * the same number (same-figure); otherwise different numbers are only a discrepancy when
 * they are given for the same period.
 */
export function figureFlags(members: FlagMember[], sameValue: boolean): DetectedFlag[] {
  const flags = new Map<FlagKind, string>();
  const add = (kind: FlagKind, reason: string) => {
    if (!flags.has(kind)) flags.set(kind, reason);
  };
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i];
      const b = members[j];
      if (a.label === b.label) continue;
      const fa = a.figure;
      const fb = b.figure;
      if (sameValue) {
        if (fa.period && fb.period && !samePeriod(fa.period, fb.period))
          add(
            "period",
            `${fa.raw} is tied to ${fa.period.label} in ${quoted(a.label)} but to ${fb.period.label} in ${quoted(b.label)}.`,
          );
        else if ((fa.period === null) !== (fb.period === null)) {
          const [has, hasNot] = fa.period ? [a, b] : [b, a];
          add(
            "period",
            `${fa.raw} is tied to ${has.figure.period?.label} in ${quoted(has.label)}; ${quoted(hasNot.label)} gives no period.`,
          );
        }
        if (fa.qualifier !== fb.qualifier)
          add("qualifier", `${quoted(a.label)} says “${describe(fa)}”, ${quoted(b.label)} says “${describe(fb)}”.`);
      } else if (fa.value !== fb.value && samePeriod(fa.period, fb.period)) {
        add(
          "figure",
          `For ${fa.period?.label}, ${quoted(a.label)} gives ${describe(fa)} ${fa.measure} and ${quoted(b.label)} gives ${describe(fb)} ${fb.measure}.`,
        );
      }
      if (fa.verb && fb.verb && fa.verb !== fb.verb)
        add(
          "verb",
          `The count is of aliens ${past(fa.verb)} in ${quoted(a.label)} but ${past(fb.verb)} in ${quoted(b.label)}.`,
        );
      if (fa.source && fb.source && fa.source !== fb.source)
        add("source", `${quoted(a.label)} cites ${fa.source}, ${quoted(b.label)} cites ${fb.source}.`);
    }
  }
  if (!sameValue) {
    const sum = subPeriodSum(members);
    if (sum) add("figure", sum);
  }
  return [...flags].map(([kind, reason]) => ({ kind, reason }));
}

const within = (inner: Figure, outer: Figure) =>
  inner.period !== null &&
  outer.period !== null &&
  inner.period.from >= outer.period.from &&
  inner.period.to <= outer.period.to &&
  !samePeriod(inner.period, outer.period);

/**
 * A count over a long period cannot be smaller than the counts of separate shorter periods
 * inside it: FY 2019 (775) and FY 2020 (920) add up to more than the 920 given for
 * October 2017 – September 2020. The reason names every figure, so a reviewer can check it.
 * An "over"/"more than" figure is a floor, so only a sum above an exact or approximate
 * figure (10% slack for "approximately") is flagged.
 */
function subPeriodSum(members: FlagMember[]): string | null {
  for (const outer of members) {
    const o = outer.figure;
    if (o.qualifier && /more than|over|at least|upwards of/.test(o.qualifier)) continue;
    const inside = members
      .filter((m) => m.label !== outer.label && within(m.figure, o))
      .sort((x, y) => (x.figure.period?.from ?? "").localeCompare(y.figure.period?.from ?? ""));
    // Non-overlapping sub-periods only, earliest first.
    const chosen: FlagMember[] = [];
    for (const m of inside) {
      const last = chosen.at(-1);
      if (!last || (last.figure.period?.to ?? "") < (m.figure.period?.from ?? "")) chosen.push(m);
    }
    if (chosen.length < 2) continue;
    const sum = chosen.reduce((n, m) => n + m.figure.value, 0);
    const slack = o.qualifier ? 1.1 : 1;
    if (sum <= o.value * slack) continue;
    const parts = chosen
      .map((m) => `${m.figure.raw} for ${m.figure.period?.label} in ${quoted(m.label)}`)
      .join(" and ");
    return `${parts} add up to ${sum.toLocaleString("en-US")}, more than the ${describe(o)} that ${quoted(outer.label)} gives for ${o.period?.label}, which contains ${chosen.length === 2 ? "both" : "them all"}.`;
  }
  return null;
}

const NEGATION = /\b(?:not|never|no|none|nobody|nothing|neither|nor|without)\b|n[’']t\b/i;

/** A contradiction flag when one of two similar claims is negated and the other is not. */
export function negationFlag(
  a: { label: string; text: string },
  b: { label: string; text: string },
): DetectedFlag | null {
  const na = NEGATION.test(a.text);
  const nb = NEGATION.test(b.text);
  if (na === nb) return null;
  const [neg, pos] = na ? [a, b] : [b, a];
  return {
    kind: "contradiction",
    reason: `${quoted(neg.label)} says it negated (“${neg.text.match(NEGATION)?.[0]}”), ${quoted(pos.label)} says it without negation: they may say the opposite.`,
  };
}
