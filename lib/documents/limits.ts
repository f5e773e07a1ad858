/**
 * Import limits. The file limit bounds memory while parsing (a DOCX is inflated in memory);
 * the text limit keeps one document's reading view and re-anchoring fast enough — a
 * 300-page report is about 1 million characters. Next's server-action body limit
 * (next.config.js) sits just above MAX_FILE_BYTES so the action, not Next, gives the message.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_TEXT_CHARS = 3_000_000;
/** A PDF with more pages than this is refused before any page is read (a 10,000-blank-page PDF costs nothing). */
export const MAX_PDF_PAGES = 2_000;
/** What a DOCX may inflate to in total, measured while inflating, not trusted from its headers. */
export const MAX_DOCX_INFLATED_BYTES = 100 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 5_000;

export function describeBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
