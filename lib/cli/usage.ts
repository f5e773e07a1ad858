export const USAGE = `Usage: npm run claims -- <command> [options]

Commands:
  seed                              load the five documents and their curated claims
                                    (verifies every selector; running it twice changes nothing),
                                    then run links detect
  user add --email <e> --role <admin|curator|reviewer|viewer> [--name <n>] [--password <p>]
                                    create an account (a strong password is generated
                                    and printed when --password is not given)
  user password --email <e> [--password <p>]
                                    set a new password (generated and printed when not
                                    given) and end the account's sessions
  list [--json]                     every stored claim: document, start, end, exact, tags, status
  coverage [--json]                 sentences no claim covers, with the reason they are not claims
  search "<query>" [--json] [--sort relevance|document|newest] [--limit <n>] [--cursor <c>]
                                    full-text search of claims, notes, tags and titles:
                                    words, "phrases", prefix*, -excluded, tag:<slug>,
                                    doc:<slug>, reviewer:<email>, status:<status>,
                                    has:note, disagreement:yes|no, linked:yes|no,
                                    flag:period|figure|verb|qualifier|source|contradiction,
                                    final:<tag>, adjudicated:yes|no
  links detect                      suggest links between claims of different documents (same
                                    figure, related figure, same fact or argument) and flag
                                    discrepancies; confirmed and rejected links stay as they are
  links list [--json] [--state suggested|confirmed|rejected|all]
                                    each link: relation, state, flags with reasons, and its claims
                                    (id, document, start, end, exact); all = all but rejected
  agreement [--document <file-or-slug>] [--json]
                                    inter-reviewer agreement: Cohen's κ per pair, Fleiss' κ,
                                    Krippendorff's α (nominal and MASI set-valued), per tag,
                                    the most disagreed claims; each figure with its n and reading
  curate <claims.json>...           fill in ids and selectors of hand-edited curated claim files
  export --format <md|html|pdf|csv|csv-notes|json|jsonld> --out <file|-> [--document <file-or-slug>]
         [--query "<search>"] [--base-url <url>]
                                    export the whole corpus, one document, or the claims a
                                    search finds (csv also writes <out>-notes.csv); a progress
                                    bar shows on a terminal
  documents add <file> [--title <t>] [--author <a>] [--publication <p>] [--date YYYY-MM-DD]
                [--source-url <url>] [--version-of <file-or-slug>] [--suggest]
                                    import a .txt, .md, .html, .pdf or .docx file as a new
                                    document (text policy: README "Bringing your own documents";
                                    a text already stored is refused, naming the document);
                                    --version-of stores it as the document's new version and
                                    re-anchors every claim (unchanged/moved/fuzzy/orphaned);
                                    then runs links detect
  import <file.json>                import a JSON export (checked whole first; one transaction,
                                    so a bad file changes nothing; its links are not imported:
                                    run links detect after it)
  backup <file>                     an online, consistent copy of the database (safe while the app runs)
  restore <file>                    replace the database with a backup (stop the app first); refuses a
                                    corrupt file or one whose schema is newer than this code

Environment: DATABASE_URL (default file:./prisma/data/claimbook.db),
             CLAIMBOOK_BASE_URL (IRIs in the W3C export; default http://localhost:3000)`;

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}
