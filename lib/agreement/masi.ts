import { keyTags } from "./set-key";

/**
 * MASI distance (Passonneau 2006, "Measuring agreement on set-valued items") between two tag
 * sets given as set keys: 1 − J·M, J the Jaccard index and M the monotonicity weight, 1 when
 * the sets are equal, 2/3 when one contains the other, 1/3 when they merely overlap, 0 when
 * they are disjoint.
 *
 * Why MASI rather than plain Jaccard: a reviewer who adds a second tag to a colleague's
 * ("statistic" against "statistic + legal fact") has refined the judgement; one who picks a
 * different but overlapping set ("statistic + opinion" against "statistic + legal fact") has
 * disagreed more. Jaccard scores these 0.5 and 0.67 apart — close; MASI scores them 0.67 and
 * 0.89, keeping "contains" clearly milder than "crosses", and disjoint sets stay at 1 either way.
 * It is the distance NLTK's agreement module offers for set-valued annotation, so our figures
 * can be checked against a tool people know.
 */
export function masiDistance(a: string, b: string): number {
  if (a === b) return 0;
  const setA = new Set(keyTags(a));
  const setB = new Set(keyTags(b));
  let common = 0;
  for (const t of setA) if (setB.has(t)) common++;
  const union = setA.size + setB.size - common;
  if (union === 0) return 0;
  const jaccard = common / union;
  const monotonicity =
    common === setA.size && common === setB.size
      ? 1
      : common === setA.size || common === setB.size
        ? 2 / 3
        : common > 0
          ? 1 / 3
          : 0;
  return 1 - jaccard * monotonicity;
}
