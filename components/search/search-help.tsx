const ROWS: [string, string][] = [
  ["sheriff deputies", "claims with both words, in the claim, its statement, notes, tags or document title"],
  ['"local police"', "the words together, in this order"],
  ["deport*", "words starting with deport (at least three letters)"],
  ["-amnesty", 'leave out claims with this word (also -"a phrase", -tag:opinion)'],
  ["tag:statistic", "claims carrying the tag, suggested or applied by a reviewer"],
  ["doc:<slug>", "claims of one document (the slug in its address)"],
  ["reviewer:<email>", "claims the reviewer tagged or wrote a note on"],
  ["status:disputed", "proposed, accepted, disputed or rejected"],
  ["has:note", "claims with at least one note"],
  ["disagreement:yes", "claims whose reviewers applied different tags (or :no)"],
  ["final:statistic", "claims a curator's verdict gave this tag"],
  ["adjudicated:yes", "claims with a curator's verdict (or :no)"],
];

export function SearchHelp({ open = false }: { open?: boolean }) {
  return (
    <details className="search-help" open={open}>
      <summary>How to search</summary>
      <dl>
        {ROWS.map(([example, meaning]) => (
          <div key={example}>
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p>Words match whole words, ignoring case and accents; combine any of the above.</p>
    </details>
  );
}
