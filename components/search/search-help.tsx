const ROWS: [string, string][] = [
  ["sheriff deputies", "claims with both words, in the claim, its statement, notes, tags or document title"],
  ["homicides", "also homicide: a word matches its plural and verb forms (arrest, arrests, arrested, arresting)"],
  ["homicide OR murder", "claims with either word (OR in capitals)"],
  ['"local police"', "exactly these words together, in this order (no other forms)"],
  ["deport*", "words starting with deport (at least three letters)"],
  ["-amnesty", 'leave out claims with this word (also -"a phrase", -tag:opinion)'],
  [
    "tag:statistic",
    "claims carrying the tag anywhere: suggested or applied by any reviewer (more than count as final)",
  ],
  ["doc:<slug>", "claims of one document (the slug in its address)"],
  ["reviewer:<email>", "claims the reviewer tagged or wrote a note on"],
  ["status:disputed", "proposed, accepted, disputed or rejected"],
  ["has:note", "claims with at least one note"],
  ["disagreement:yes", "claims whose reviewers applied different tags (or :no)"],
  ["linked:yes", "claims linked to a claim in another document (or :no); see Discrepancies"],
  ["flag:period", "claims in a link with an open flag: period, figure, verb, qualifier, source or contradiction"],
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
      <p>Words match whole words and their forms, ignoring case and accents; combine any of the above.</p>
    </details>
  );
}
