import path from "node:path";
import { cleanField, isoDate } from "./document-metadata";
import { ImportRefusal } from "./import-refusal";
import { MAX_PDF_PAGES } from "./limits";
import type { ParsedContent } from "./parse-html";
import { linesToParagraphs, type PdfTextItem, pageLines, runsOn } from "./pdf-lines";

/** Called after each page so the CLI and the browser can show progress on long reports. */
export type PageProgress = (done: number, total: number) => void;

/**
 * The text of a PDF with its paragraphs rebuilt (pdf.js, legacy build for Node 20). A PDF
 * with no text layer (a scan) is refused with a message saying so rather than imported
 * empty; so is one with more pages than the limit, before any page is read.
 */
export async function parsePdf(bytes: Uint8Array, onPage?: PageProgress): Promise<ParsedContent> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    standardFontDataUrl: `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as { name?: string }).name;
    if (name === "PasswordException")
      throw new ImportRefusal("This PDF is password-protected: remove the password and try again.");
    throw new ImportRefusal("This file is not a readable PDF (it may be damaged or not a PDF at all).");
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES)
      throw new ImportRefusal(
        `This PDF has ${pdf.numPages.toLocaleString("en")} pages; the limit is ${MAX_PDF_PAGES.toLocaleString("en")}.`,
      );
    const paragraphs: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      page.cleanup();
      const pageParagraphs = linesToParagraphs(pageLines(content.items as PdfTextItem[]));
      // A paragraph cut by the page break continues on the next page.
      if (pageParagraphs.length > 0 && paragraphs.length > 0 && runsOn(paragraphs[paragraphs.length - 1])) {
        paragraphs[paragraphs.length - 1] += ` ${pageParagraphs.shift()}`;
      }
      paragraphs.push(...pageParagraphs);
      onPage?.(n, pdf.numPages);
    }
    if (paragraphs.join("").trim() === "") {
      throw new ImportRefusal(
        "This PDF has no text layer (it looks like a scan or images only): run it through OCR first, then import the result.",
      );
    }
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    return {
      paragraphs,
      metadata: {
        title: cleanField(info.Title),
        author: cleanField(info.Author),
        publishedOn: isoDate(cleanField(info.CreationDate)),
      },
    };
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw new ImportRefusal("This PDF could not be read to the end (it may be damaged).");
  } finally {
    await pdf.destroy();
  }
}
