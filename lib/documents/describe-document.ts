import type { CuratedClaimFile } from "../validation/curated-claims";

const MAX_TITLE_LENGTH = 90;

/** The title the text gives, or, when it gives none, its opening words. */
export function displayTitle(text: string, curated: Pick<CuratedClaimFile, "title">): string {
  if (curated.title) return curated.title;
  const opening = text.trim().split(/\n/)[0];
  if (opening.length <= MAX_TITLE_LENGTH) return opening;
  const cut = opening.slice(0, MAX_TITLE_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

/** A short URL slug: the file's number and the title's first words, e.g. "001-ices-local-partnerships". */
export function documentSlug(fileName: string, title: string): string {
  const words = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .slice(0, 5);
  return [fileName.slice(0, 3), ...words].join("-");
}
