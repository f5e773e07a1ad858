/**
 * Offsets in the database are JavaScript string offsets (UTF-16 code units); the W3C Web
 * Annotation model counts Unicode code points. A character outside the Basic Multilingual
 * Plane is two code units but one code point, so the two differ after the first such character.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

/** A converter from UTF-16 offsets to code-point offsets into one text (built once per document). */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  if (!SURROGATE.test(text)) return (offset) => offset; // the common case: nothing to convert
  const table = new Uint32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = points;
    // The low half of a pair does not start a new code point.
    if (!isLowSurrogateAfterHigh(text, i)) points++;
  }
  table[text.length] = points;
  return (offset) => {
    if (offset < 0 || offset > text.length)
      throw new RangeError(`offset ${offset} is outside the text (0–${text.length})`);
    return table[offset];
  };
}

function isLowSurrogateAfterHigh(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xdc00 || code > 0xdfff || i === 0) return false;
  const before = text.charCodeAt(i - 1);
  return before >= 0xd800 && before <= 0xdbff;
}

/** The text with a half surrogate pair cut off either end (a quote context cut mid-character). */
export function trimBrokenSurrogates(text: string): string {
  let start = 0;
  let end = text.length;
  const first = text.charCodeAt(0);
  if (first >= 0xdc00 && first <= 0xdfff) start = 1;
  const last = text.charCodeAt(end - 1);
  if (end > start && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(start, end);
}
