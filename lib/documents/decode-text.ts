import { ImportRefusal } from "./import-refusal";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The text of a .txt or .md file: UTF-8 (with or without BOM) or UTF-16 with a BOM. Anything
 * else — another encoding, or a binary file renamed — is refused rather than guessed at,
 * because a wrong guess would store mojibake that every claim then quotes.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  const starts = (bom: number[]) => bom.every((b, i) => bytes[i] === b);
  let text: string;
  try {
    if (starts([0xff, 0xfe])) text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    else if (starts([0xfe, 0xff])) text = new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder("utf-8", { fatal: true }).decode(starts(UTF8_BOM) ? bytes.subarray(3) : bytes);
  } catch {
    throw new ImportRefusal(
      "This file is not UTF-8 text (nor UTF-16 with a byte-order mark): save it as UTF-8 and try again.",
    );
  }
  if (looksBinary(text))
    throw new ImportRefusal("This file holds binary data, not text: is it a renamed PDF, Word or image file?");
  return text;
}

/** NUL bytes, or many control characters, mean binary data that happens to decode. */
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 65_536);
  const controls = sample.match(/(?![\t\n\r\f\v])\p{Cc}/gu)?.length ?? 0;
  return controls > 8 && controls / Math.max(sample.length, 1) > 0.01;
}
