/**
 * A tag set as one nominal category ("opinion+statistic"), so a claim with several tags can
 * enter κ and α as a single value: two reviewers agree only when their whole sets are equal.
 */
export function setKey(tags: readonly string[]): string {
  return [...new Set(tags)].sort().join("+");
}

/** The sets back from their keys (the empty set has the empty key). */
export function keyTags(key: string): string[] {
  return key === "" ? [] : key.split("+");
}
