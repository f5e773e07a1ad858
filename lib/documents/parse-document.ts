import { createHash } from "node:crypto";
import path from "node:path";
import { decodeTextFile } from "./decode-text";
import type { FileMetadata } from "./document-metadata";
import { sha256Hex } from "./hash";
import { ImportRefusal } from "./import-refusal";
import { describeBytes, MAX_FILE_BYTES, MAX_TEXT_CHARS } from "./limits";
import { parseDocx } from "./parse-docx";
import { parseHtml } from "./parse-html";
import { type PageProgress, parsePdf } from "./parse-pdf";
import { applyTextPolicy, joinParagraphs } from "./text-policy";

export const IMPORT_FORMATS = ["txt", "md", "html", "pdf", "docx", "pasted"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const BY_EXTENSION: Record<string, ImportFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};
export const ACCEPTED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** A file's text after the text policy, with what it says about itself and both hashes. */
export interface ImportedText {
  format: ImportFormat;
  text: string;
  /** sha256 of the stored text: what claims are anchored against. */
  sha256: string;
  /** sha256 of the bytes as uploaded, kept so the original can be identified later. */
  originalSha256: string;
  metadata: FileMetadata;
}

export function formatOf(fileName: string): ImportFormat {
  const format = BY_EXTENSION[path.extname(fileName).toLowerCase()];
  if (!format)
    throw new ImportRefusal(
      `"${path.basename(fileName)}" is not a file type that can be imported: use ${ACCEPTED_EXTENSIONS.join(", ")}.`,
    );
  return format;
}

/**
 * Parses an uploaded file by its extension and applies the text policy. Refuses (with an
 * ImportRefusal naming the problem) an empty or over-limit file, one of another type, one
 * that is not what its extension says, and one with no text.
 */
export async function parseDocumentFile(
  fileName: string,
  bytes: Uint8Array,
  onPage?: PageProgress,
): Promise<ImportedText> {
  const format = formatOf(fileName);
  if (bytes.length === 0) throw new ImportRefusal("The file is empty (0 bytes).");
  if (bytes.length > MAX_FILE_BYTES)
    throw new ImportRefusal(
      `The file is ${describeBytes(bytes.length)}; the limit is ${describeBytes(MAX_FILE_BYTES)}.`,
    );
  const originalSha256 = createHash("sha256").update(bytes).digest("hex");
  let text: string;
  let metadata: FileMetadata = {};
  if (format === "txt" || format === "md") {
    // Markdown is kept as written: its markup is part of the text claims quote.
    text = applyTextPolicy(decodeTextFile(bytes));
  } else {
    const parsed =
      format === "html" ? parseHtml(bytes) : format === "pdf" ? await parsePdf(bytes, onPage) : await parseDocx(bytes);
    text = joinParagraphs(parsed.paragraphs);
    metadata = parsed.metadata;
  }
  return finish(format, text, originalSha256, metadata);
}

/** Text pasted into the browser: the same policy, its hash standing for the original. */
export function parsePastedText(raw: string): ImportedText {
  const text = applyTextPolicy(raw);
  return finish("pasted", text, sha256Hex(raw), {});
}

function finish(format: ImportFormat, text: string, originalSha256: string, metadata: FileMetadata): ImportedText {
  if (text.trim() === "") throw new ImportRefusal("The file has no text to import.");
  if (text.length > MAX_TEXT_CHARS)
    throw new ImportRefusal(
      `The text is ${text.length.toLocaleString("en")} characters long; the limit is ${MAX_TEXT_CHARS.toLocaleString("en")}.`,
    );
  return { format, text, sha256: sha256Hex(text), originalSha256, metadata };
}
