/**
 * Periods and dates a figure can be tied to ("FY 2019", "Fiscal Year 2020", "From October
 * 2017 to September 2020", "As of May 2024", "in 2019"), normalised to a month range so two
 * wordings of the same period compare equal and different periods do not.
 */
export interface Period {
  /** How the text says it. */
  text: string;
  /** Normalised, for people: "FY 2020 (Oct 2019 – Sep 2020)". */
  label: string;
  /** First and last month covered, YYYY-MM. */
  from: string;
  to: string;
}

export interface FoundPeriod extends Period {
  index: number;
  length: number;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december)";
const YEAR = "((?:19|20)\\d\\d)";
const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;
const monthOf = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;
const show = (yyyymm: string) => `${SHORT[Number(yyyymm.slice(5)) - 1]} ${yyyymm.slice(0, 4)}`;

interface Pattern {
  re: RegExp;
  make(m: RegExpExecArray): Omit<Period, "text">;
}

// Order matters: longer forms first, and a later pattern never reads inside an earlier match.
const PATTERNS: Pattern[] = [
  {
    re: new RegExp(
      `\\b(?:from|between)\\s+${MONTH}\\s+${YEAR}\\s+(?:to|through|until|and)\\s+${MONTH}\\s+${YEAR}\\b`,
      "gi",
    ),
    make: (m) => {
      const from = ym(Number(m[2]), monthOf(m[1]));
      const to = ym(Number(m[4]), monthOf(m[3]));
      return { label: `${show(from)} – ${show(to)}`, from, to };
    },
  },
  {
    // The US federal fiscal year N runs from October of N-1 to September of N.
    re: new RegExp(`\\b(?:fiscal\\s+year|FY)\\s*(?:\\(FY\\)\\s*)?(?:${YEAR}|(\\d\\d))\\b`, "gi"),
    make: (m) => {
      const year = m[1] ? Number(m[1]) : 2000 + Number(m[2]);
      const from = ym(year - 1, 10);
      const to = ym(year, 9);
      return { label: `FY ${year} (${show(from)} – ${show(to)})`, from, to };
    },
  },
  {
    re: new RegExp(`\\b(?:from|between)\\s+${YEAR}\\s+(?:to|through|until|and)\\s+${YEAR}\\b`, "gi"),
    make: (m) => ({ label: `${m[1]} – ${m[2]}`, from: ym(Number(m[1]), 1), to: ym(Number(m[2]), 12) }),
  },
  {
    re: new RegExp(`\\b(?:as\\s+of|in|since|by|during)\\s+${MONTH}\\s+${YEAR}\\b`, "gi"),
    make: (m) => {
      const at = ym(Number(m[2]), monthOf(m[1]));
      return { label: show(at), from: at, to: at };
    },
  },
  {
    re: new RegExp(`\\b(?:in|during)\\s+(?:calendar\\s+year\\s+)?${YEAR}\\b`, "gi"),
    make: (m) => ({ label: m[1], from: ym(Number(m[1]), 1), to: ym(Number(m[1]), 12) }),
  },
];

/** Every period expression in a text, in reading order, without overlaps. */
export function findPeriods(text: string): FoundPeriod[] {
  const found: FoundPeriod[] = [];
  const overlaps = (a: number, b: number) => found.some((f) => a < f.index + f.length && f.index < b);
  for (const { re, make } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].trim() === "" || overlaps(m.index, m.index + m[0].length)) continue;
      found.push({ text: m[0], index: m.index, length: m[0].length, ...make(m) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

export const samePeriod = (a: Period | null, b: Period | null) =>
  a !== null && b !== null && a.from === b.from && a.to === b.to;
