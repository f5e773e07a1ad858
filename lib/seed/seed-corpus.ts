import { enclosingParagraph, splitParagraphs } from "../anchoring/paragraphs";
import type { Db } from "../db/client";
import { type SeedDocument, type SeedReport, writeCorpus } from "../db/corpus";
import { displayTitle, documentSlug } from "../documents/describe-document";
import { sha256Hex } from "../documents/hash";
import { type CorpusEntry, readCorpus, SEED_DIR } from "./corpus-files";
import { verifyCuratedClaims } from "./verify-claims";

export class SeedVerificationError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} curated claim(s) do not anchor; nothing was written:\n  ${problems.join("\n  ")}`);
  }
}

/** The shipped corpus as rows to store: every claim with its enclosing paragraph. */
export function toSeedDocument({ fileName, text, curated }: CorpusEntry): SeedDocument {
  const title = displayTitle(text, curated);
  const paragraphs = splitParagraphs(text);
  const sha256 = sha256Hex(text);
  return {
    fileName,
    slug: documentSlug(fileName, title),
    title,
    author: curated.author,
    publication: curated.publication,
    publishedOn: curated.date,
    text,
    sha256,
    claims: curated.claims.map((c) => {
      const paragraph = enclosingParagraph(paragraphs, c)!; // checked by verifyCuratedClaims
      return {
        seedKey: c.id,
        start: c.start,
        end: c.end,
        exact: c.exact,
        prefix: c.prefix,
        suffix: c.suffix,
        paragraphStart: paragraph.start,
        paragraphEnd: paragraph.end,
        statement: c.statement,
        kind: c.kind,
        tags: c.tags,
      };
    }),
  };
}

/**
 * Loads the five documents and their curated claims. Every selector is verified
 * against its text before anything is written; one claim that does not anchor
 * fails the whole seed, naming the claim.
 */
export async function seedCorpus(db: Db, seedDir = SEED_DIR): Promise<SeedReport> {
  const corpus = readCorpus(seedDir);
  const problems = corpus.flatMap((entry) => verifyCuratedClaims(entry.text, entry.curated));
  if (problems.length > 0) throw new SeedVerificationError(problems);
  return writeCorpus(db, corpus.map(toSeedDocument));
}
