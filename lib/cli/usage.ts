export const USAGE = `Usage: npm run claims -- <command> [options]

Commands:
  seed                              load the five documents and their curated claims
                                    (verifies every selector; running it twice changes nothing)
  user add --email <e> --role <admin|reviewer|viewer> [--name <n>] [--password <p>]
                                    create an account (a strong password is generated
                                    and printed when --password is not given)
  list [--json]                     every stored claim: document, start, end, exact, tags, status
  coverage [--json]                 sentences no claim covers, with the reason they are not claims
  search "<query>" [--json] [--sort relevance|document|newest] [--limit <n>] [--cursor <c>]
                                    full-text search of claims, notes, tags and titles:
                                    words, "phrases", prefix*, -excluded, tag:<slug>,
                                    doc:<slug>, reviewer:<email>, status:<status>,
                                    has:note, disagreement:yes|no
  curate <claims.json>...           fill in ids and selectors of hand-edited curated claim files

Environment: DATABASE_URL (default file:./prisma/data/claimbook.db)`;

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}
