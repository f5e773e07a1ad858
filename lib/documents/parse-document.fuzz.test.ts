import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildZip, docxEntries, makePdf } from "@/tests/integration/helpers/make-files";
import { ImportRefusal } from "./import-refusal";
import { parseDocumentFile } from "./parse-document";

/** Every outcome of a parser entry point is a parsed text or an ImportRefusal: never another error. */
async function parsesOrRefuses(name: string, bytes: Uint8Array) {
  try {
    const r = await parseDocumentFile(name, bytes);
    expect(r.text.trim()).not.toBe("");
  } catch (error) {
    if (!(error instanceof ImportRefusal)) throw error;
  }
}

/** A valid file with some of its bytes overwritten: reaches deeper into the parser than noise does. */
const corrupted = (valid: Buffer) =>
  fc
    .array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 20,
    })
    .map((edits) => {
      const copy = Buffer.from(valid);
      for (const [at, byte] of edits) copy[at] = byte;
      return copy;
    });

describe("parser entry points under fuzzing", () => {
  it("random bytes under every extension", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("a.txt", "a.md", "a.html", "a.pdf", "a.docx"),
        fc.uint8Array({ maxLength: 2000 }),
        parsesOrRefuses,
      ),
      { numRuns: 300 },
    );
  });

  it("random strings as HTML and text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("a.txt", "a.html"), fc.string({ unit: "binary", maxLength: 500 }), (name, s) =>
        parsesOrRefuses(name, Buffer.from(s, "utf8")),
      ),
      { numRuns: 300 },
    );
  });

  it("corrupted PDFs", async () => {
    const pdf = await makePdf([["A paragraph of text that pdf.js has to parse from the content stream."]]);
    await fc.assert(
      fc.asyncProperty(corrupted(pdf), (b) => parsesOrRefuses("a.pdf", b)),
      { numRuns: 60 },
    );
  });

  it("corrupted DOCX files", async () => {
    const docx = buildZip(docxEntries(["A paragraph.", "Another paragraph."], { title: "T" }));
    await fc.assert(
      fc.asyncProperty(corrupted(docx), (b) => parsesOrRefuses("a.docx", b)),
      { numRuns: 150 },
    );
  });
});
