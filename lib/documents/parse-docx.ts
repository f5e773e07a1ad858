import { cleanField, type FileMetadata, isoDate } from "./document-metadata";
import { ImportRefusal } from "./import-refusal";
import type { ParsedContent } from "./parse-html";
import { inspectZip } from "./zip-guard";

const CORE = "docProps/core.xml";

/**
 * The text of a Word (.docx) file, one paragraph per Word paragraph (mammoth), with the
 * title, author and creation date from its core properties. The archive is checked and
 * inflated under a cap first (zip-guard), so mammoth only ever sees a bounded file.
 */
export async function parseDocx(bytes: Uint8Array): Promise<ParsedContent> {
  const entries = inspectZip(bytes, [CORE, "word/document.xml"]);
  if (!entries.has("word/document.xml"))
    throw new ImportRefusal(
      "This file is a zip archive but not a Word (.docx) document (it has no word/document.xml).",
    );
  const mammoth = (await import("mammoth")).default;
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new ImportRefusal("This Word (.docx) file could not be read (it may be damaged).");
  }
  return { paragraphs: raw.split(/\n{2,}/), metadata: coreProperties(entries.get(CORE)?.toString("utf8")) };
}

function coreProperties(xml: string | undefined): FileMetadata {
  if (!xml) return {};
  const field = (tag: string) => {
    const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
    return match ? decodeXmlEntities(match[1]) : undefined;
  };
  return {
    title: cleanField(field("dc:title")),
    author: cleanField(field("dc:creator")),
    publishedOn: isoDate(field("dcterms:created")),
  };
}

function decodeXmlEntities(s: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] !== "#") return named[e.toLowerCase()];
    const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}
