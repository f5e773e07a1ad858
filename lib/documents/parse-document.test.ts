import { describe, expect, it } from "vitest";
import { buildZip, docxEntries, makeDocx, makePdf } from "@/tests/integration/helpers/make-files";
import { ImportRefusal } from "./import-refusal";
import { parseDocumentFile, parsePastedText } from "./parse-document";

const LONG =
  "The county signed its agreement in 2019, and the sheriff said the program had removed 920 people with criminal records from the community over the following three years of operation.";
const SECOND =
  "Critics argue that the program erodes trust between immigrant communities and local police, making victims and witnesses less willing to come forward.";

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe("parseDocumentFile: each format", () => {
  it("reads UTF-8 text with a BOM and CRLF line endings, applying the policy", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("Title  \r\n\r\n\r\nCafe\u0301 first.\r\nSame paragraph.\r\n\r\nSecond.\r\n", "utf8"),
    ]);
    const r = await parseDocumentFile("notes.txt", bytes);
    expect(r.text).toBe("Title\n\nCafé first.\nSame paragraph.\n\nSecond.");
    expect(r.format).toBe("txt");
    expect(r.sha256).not.toBe(r.originalSha256);
  });

  it("reads UTF-16 with a BOM (both byte orders)", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Hello wörld 😀", "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    expect((await parseDocumentFile("a.txt", le)).text).toBe("Hello wörld 😀");
    expect((await parseDocumentFile("a.txt", be)).text).toBe("Hello wörld 😀");
  });

  it("keeps Markdown markup as written", async () => {
    const r = await parseDocumentFile("a.md", Buffer.from("# Heading\n\n- **one** [link](http://x)\n- two\n"));
    expect(r.text).toBe("# Heading\n\n- **one** [link](http://x)\n- two");
  });

  it("extracts an HTML page's article, dropping scripts, styles and navigation, with its metadata", async () => {
    const html = `<!doctype html><html><head><title>Page title</title><meta name="author" content="Jane Doe">
      <meta property="article:published_time" content="2024-03-05T10:00:00Z"><meta property="og:site_name" content="The Daily">
      <script>alert("x")</script><style>p { color: red }</style></head><body>
      <nav><a href="/">Home</a> <a href="javascript:alert(1)">Evil nav link</a></nav>
      <article><h1>Headline</h1><p>${LONG}</p><p>${SECOND} <a href="javascript:alert(2)">Read more</a><br>A second line.</p>
      <ul><li>First item</li><li>Second item</li></ul><script>document.write("injected")</script></article>
      <footer>Copyright footer</footer></body></html>`;
    const r = await parseDocumentFile("page.html", Buffer.from(html));
    expect(r.text).toContain(`${LONG}\n\n${SECOND} Read more\nA second line.\n\nFirst item\n\nSecond item`);
    for (const gone of ["alert", "color: red", "injected", "Evil nav link", "javascript:", "Copyright footer"])
      expect(r.text).not.toContain(gone);
    expect(r.metadata).toEqual({
      title: "Page title",
      author: "Jane Doe",
      publication: "The Daily",
      publishedOn: "2024-03-05",
    });
  });

  it("reads a PDF made by pdfkit with its paragraphs and info", async () => {
    const pdf = await makePdf([[LONG, SECOND], ["On the second page, a short closing paragraph."]], {
      Title: "A report",
      Author: "R. Author",
    });
    const r = await parseDocumentFile("report.pdf", pdf);
    expect(r.text).toBe(`${LONG}\n\n${SECOND}\n\nOn the second page, a short closing paragraph.`);
    expect(r.metadata).toMatchObject({ title: "A report", author: "R. Author" });
    expect(r.metadata.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("splits a one-line paragraph from a wrapped one (paragraph gaps can be half the line steps)", async () => {
    const pdf = await makePdf([[LONG, "Short one.", "Another short one.", SECOND]]);
    expect((await parseDocumentFile("a.pdf", pdf)).text).toBe(
      `${LONG}\n\nShort one.\n\nAnother short one.\n\n${SECOND}`,
    );
  });

  it("splits two one-line paragraphs (a single step, the gap)", async () => {
    const pdf = await makePdf([["A first one-line paragraph.", "A second one-line paragraph."]]);
    expect((await parseDocumentFile("a.pdf", pdf)).text).toBe(
      "A first one-line paragraph.\n\nA second one-line paragraph.",
    );
  });

  it("joins a paragraph that a page break cuts", async () => {
    const pdf = await makePdf([["The first half of a sentence that runs"], ["on to the next page."]]);
    expect((await parseDocumentFile("a.pdf", pdf)).text).toBe(
      "The first half of a sentence that runs on to the next page.",
    );
  });

  it("reads a DOCX built here, paragraphs and core properties", async () => {
    const docx = makeDocx([LONG, SECOND, "Ünïcödé & <angle> 😀"], {
      title: "Word title",
      creator: "W. Writer",
      created: "2023-11-02T08:00:00Z",
    });
    const r = await parseDocumentFile("memo.docx", docx);
    expect(r.text).toBe(`${LONG}\n\n${SECOND}\n\nÜnïcödé & <angle> 😀`);
    expect(r.metadata).toEqual({ title: "Word title", author: "W. Writer", publishedOn: "2023-11-02" });
  });

  it("applies the policy to pasted text and hashes the paste as the original", () => {
    const r = parsePastedText("  \r\nPasted\t \r\n");
    expect(r).toMatchObject({ format: "pasted", text: "Pasted" });
  });
});

describe("parseDocumentFile: malformed and hostile files are refused with a clear message", () => {
  const cases: [string, string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ["a 0-byte file", "empty.txt", () => new Uint8Array(0), /empty \(0 bytes\)/],
    ["an unknown extension", "tool.exe", () => Buffer.from("MZ"), /not a file type that can be imported/],
    ["Latin-1 text", "old.txt", () => Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]), /not UTF-8 text/],
    [
      "binary renamed .txt",
      "photo.txt",
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /binary data|not UTF-8/,
    ],
    ["a PDF renamed .txt", "a.txt", () => makePdf([["Hello"]]), /binary data|not UTF-8/],
    ["only whitespace", "blank.md", () => Buffer.from(" \n\t\n\r\n"), /no text/],
    ["text that is not a PDF", "fake.pdf", () => Buffer.from("hello, not a pdf"), /not a readable PDF/],
    ["a PDF with only empty pages", "scan.pdf", () => makePdf([[], []]), /no text layer/],
    ["text that is not a zip", "fake.docx", () => Buffer.from("hello, not a docx"), /not a valid zip/],
    [
      "a zip that is not a Word file",
      "other.docx",
      () => buildZip([{ name: "readme.txt", data: "hi" }]),
      /not a Word \(\.docx\) document/,
    ],
    ["a truncated docx", "cut.docx", () => makeDocx([LONG]).subarray(0, 300), /not a valid zip/],
    [
      "a zip bomb (headers lie about the size)",
      "bomb.docx",
      () =>
        buildZip([
          ...docxEntries(["x"]),
          { name: "word/media/bomb.bin", data: Buffer.alloc(120 * 1024 * 1024), claimedSize: 10 },
        ]),
      /zip bomb/,
    ],
    [
      "HTML with only scripts",
      "s.html",
      () => Buffer.from("<html><body><script>alert(1)</script><style>x{}</style></body></html>"),
      /no text/,
    ],
  ];
  it.each(cases)("%s", async (_name, fileName, make, message) => {
    const e = await refusal(parseDocumentFile(fileName, await make()));
    expect(e).toBeInstanceOf(ImportRefusal);
    expect((e as Error).message).toMatch(message);
  });

  it("refuses a 10,000-page PDF before reading its pages", async () => {
    const pdf = await makePdf(Array.from({ length: 10_000 }, () => []));
    const started = Date.now();
    const e = await refusal(parseDocumentFile("pages.pdf", pdf));
    expect((e as Error).message).toMatch(/10,000 pages; the limit is 2,000/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("refuses a file over the size limit", async () => {
    const e = await refusal(parseDocumentFile("big.txt", Buffer.alloc(21 * 1024 * 1024, 0x61)));
    expect((e as Error).message).toMatch(/the limit is 20\.0 MB/);
  });
});
