/**
 * The one text policy every imported document goes through, whatever its format, so the
 * stored text (the text claim offsets count in) is predictable:
 *
 * 1. a leading byte-order mark is dropped;
 * 2. line endings become `\n` (`\r\n`, `\r`, U+2028 and NEL too; U+2029 and form feeds end a paragraph);
 * 3. control characters other than `\n` and `\t` are dropped, and a broken surrogate becomes U+FFFD;
 * 4. Unicode NFC, so "é" typed two ways is one string and quotes match;
 * 5. trailing whitespace on each line is trimmed (a line of only whitespace becomes blank);
 * 6. paragraphs are separated by exactly one blank line: runs of blank lines collapse, and
 *    blank lines at the start and end go (single line breaks inside a paragraph stay, as in lists).
 *
 * Applying it twice changes nothing (a test checks this on arbitrary strings).
 */
export function applyTextPolicy(raw: string): string {
  const lines = raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|\u2028|\u0085/g, "\n")
    .replace(/[\u2029\f]/g, "\n\n")
    // C0/C1 controls (bar tab and newline), and BOMs or zero-width no-breaks left inside the
    // text; dropped before NFC so that a removed control cannot leave an uncomposed pair behind.
    .replace(/(?![\t\n])[\p{Cc}\uFEFF]/gu, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .normalize("NFC")
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""));
  const out: string[] = [];
  for (const line of lines) {
    if (line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

/** Paragraphs (each possibly holding single line breaks) joined the policy's way. */
export function joinParagraphs(paragraphs: Iterable<string>): string {
  return applyTextPolicy([...paragraphs].join("\n\n"));
}
