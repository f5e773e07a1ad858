import PDFDocument from "pdfkit";
import type { LinkListing } from "../../db/claim-link-reads";
import { loadExportLinks, RELATION_WORDS } from "../links";
import type { ExportTag, NumberedClaim } from "../model";
import { agreementTextLines } from "../report/agreement-section";
import {
  CONSENSUS_EXPLANATION,
  claimConsensus,
  describeAgreement,
  documentByline,
  formatDate,
  noteDateline,
  passageOf,
  tagLabeller,
  tagsByReviewer,
  threadNotes,
} from "../report/describe";
import { claimLink, claimsOf, type ExportSource, loadDocument, type SummaryRow, summarize } from "../source";
import { PDF_FONTS, type PdfFont, pdfFontPath } from "./pdf-fonts";

type Doc = PDFKit.PDFDocument;

const INK = "#1f2328";
const SOFT = "#57606a";
const MARK = "#7a4a00";

function use(doc: Doc, font: PdfFont, size: number, color = INK): Doc {
  return doc.font(font, size).fillColor(color);
}

function summaryTable(doc: Doc, rows: SummaryRow[], tags: ExportTag[]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const numberWidth = 62;
  const nameWidth = width - numberWidth * (tags.length + 2);
  const headers = ["Claims", ...tags.map((t) => `${t.letter} ${t.label}`), "No consensus"];
  const line = (name: string, values: (string | number)[], bold = false) => {
    const y = doc.y;
    use(doc, bold ? "sansBold" : "sans", 8.5);
    doc.text(name, left, y, { width: nameWidth - 6 });
    const bottom = doc.y;
    values.forEach((v, i) => {
      doc.text(String(v), left + nameWidth + i * numberWidth, y, { width: numberWidth - 4, align: "right" });
    });
    doc.y = Math.max(bottom, doc.y) + 3;
    doc
      .moveTo(left, doc.y - 1.5)
      .lineTo(left + width, doc.y - 1.5)
      .lineWidth(0.4)
      .strokeColor("#d0cdc4")
      .stroke();
  };
  line("Document", headers, true);
  const total = { claims: 0, noConsensus: 0, byTag: {} as Record<string, number> };
  for (const r of rows) {
    total.claims += r.claims;
    total.noConsensus += r.noConsensus;
    for (const [slug, n] of Object.entries(r.byTag)) total.byTag[slug] = (total.byTag[slug] ?? 0) + n;
    line(r.document.title, [r.claims, ...tags.map((t) => r.byTag[t.slug] ?? 0), r.noConsensus]);
  }
  line("Total", [total.claims, ...tags.map((t) => total.byTag[t.slug] ?? 0), total.noConsensus], true);
  doc.x = left;
}

function renderClaim(doc: Doc, claim: NumberedClaim, link: string, text: string, tags: ExportTag[]) {
  const label = tagLabeller(tags);
  const consensus = claimConsensus(claim);
  const passage = passageOf(text, claim);
  const left = doc.page.margins.left;
  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
  doc.moveDown(0.6);
  use(doc, "sansBold", 10).text(
    `Claim ${claim.number} · ${consensus.tags.map(label).join(", ") || "no consensus"} · ${claim.status}`,
    left,
    doc.y,
    { link },
  );
  doc.moveDown(0.2);
  use(doc, "serif", 10, "#3a3f45").text(passage.before, { continued: true, lineGap: 1.5 });
  use(doc, "serifBold", 10, MARK).text(passage.exact, { continued: true, underline: true });
  use(doc, "serif", 10, "#3a3f45").text(passage.after || " ", { underline: false });
  doc.moveDown(0.25);
  const facts: string[] = [];
  if (claim.statement) facts.push(`Statement: ${claim.statement}`);
  if (claim.kind) facts.push(`Kind: ${claim.kind}`);
  facts.push(
    `${consensus.agreement === "suggested" ? "Suggested" : "Consensus"}: ${consensus.tags.map(label).join(", ") || "none"} (${describeAgreement(consensus)})`,
  );
  for (const r of tagsByReviewer(claim, label)) facts.push(`  ${r.reviewer}: ${r.tags.join(", ")}`);
  facts.push(`Status: ${claim.status} · characters ${claim.start}–${claim.end}`);
  use(doc, "sans", 8.5, SOFT);
  for (const fact of facts) doc.text(fact, left);
  for (const { note, depth } of threadNotes(claim.notes)) {
    const indent = left + 12 + Math.min(depth, 6) * 12;
    doc.moveDown(0.2);
    use(doc, "sansBold", 8.5).text(`${note.author.name} · ${noteDateline(note)}${depth ? " · reply" : ""}`, indent);
    use(doc, "sans", 8.5).text(note.body, indent);
  }
  doc.x = left;
}

/** The "Claims across documents" pages: each link, its flags with reasons, and its claims. */
function renderLinks(doc: Doc, links: LinkListing[]) {
  const left = doc.page.margins.left;
  doc.addPage();
  doc.outline.addItem("Claims across documents");
  use(doc, "serifBold", 16).text("Claims across documents");
  for (const [i, l] of links.entries()) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
    doc.moveDown(0.6);
    use(doc, "sansBold", 10).text(`Link ${i + 1} · ${RELATION_WORDS[l.relation] ?? l.relation} · ${l.state}`, left);
    if (l.reason) use(doc, "sans", 8.5, SOFT).text(l.reason, left);
    for (const f of l.flags)
      use(doc, "sans", 8.5, f.dismissed ? SOFT : MARK).text(
        `Flag (${f.kind})${f.dismissed ? `, dismissed: ${f.dismissReason ?? ""} —` : ":"} ${f.reason}`,
        left,
      );
    for (const c of l.claims)
      use(doc, "serif", 9.5).text(
        `${c.documentTitle} (characters ${c.start}–${c.end}, id ${c.id}): “${c.exact}”`,
        left + 12,
      );
    if (l.note) use(doc, "sans", 8.5).text(`Note: ${l.note}`, left);
  }
}

/**
 * pdfkit caches the layout of every distinct word it has set, for good reason (without it
 * text is ~6x slower), but claim ids and offsets make most of those words unique, so the
 * cache would grow with the corpus. Emptying it every thousand claims keeps memory flat
 * at little cost. (`_fontFamilies` and `layoutCache` are pdfkit internals, checked so a
 * pdfkit upgrade that drops them only loses the trimming.)
 */
const LAYOUT_CACHE_CLAIMS = 1000;

function trimLayoutCaches(doc: Doc) {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: unknown }> })._fontFamilies;
  for (const font of Object.values(families ?? {})) if (font.layoutCache) font.layoutCache = Object.create(null);
}

/** The first document shares the summary's page when the summary ends above this fraction of it. */
const FIRST_DOCUMENT_BELOW = 0.6;

/** A real PDF of the report (pdfkit, embedded DejaVu fonts), streamed page by page. */
export async function* renderPdf(source: ExportSource): AsyncGenerator<Uint8Array> {
  const rows = await summarize(source);
  const title = `Claimbook report: ${source.scope.label}`;
  const doc: Doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    // No default font: pdfkit would load Helvetica's metrics, and opening DejaVu Sans both as the
    // default and as "sans" makes pdfkit re-read the font file on every switch to "sans".
    font: null as unknown as string,
    info: { Title: title, Author: "Claimbook", Creator: "Claimbook", CreationDate: source.now, ModDate: source.now },
    displayTitle: true,
    lang: "en",
  });
  for (const font of Object.keys(PDF_FONTS) as PdfFont[]) doc.registerFont(font, pdfFontPath(font));

  // pdfkit pushes bytes as it goes; collect them and hand them on between claims.
  let chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const take = () => {
    const out = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    chunks = [];
    return out;
  };

  const total = rows.reduce((n, r) => n + r.claims, 0);
  use(doc, "serifBold", 20).text(title);
  use(doc, "sans", 9.5, SOFT).text(
    `Exported ${formatDate(source.now)} · ${total} claims in ${rows.length} document${rows.length === 1 ? "" : "s"}`,
  );
  doc.moveDown(1);
  use(doc, "sansBold", 13).text("Summary");
  doc.moveDown(0.4);
  summaryTable(doc, rows, source.tags);
  doc.moveDown(0.5);
  use(doc, "sans", 8.5, SOFT).text(CONSENSUS_EXPLANATION);
  const agreement = await agreementTextLines(source);
  doc.moveDown(1);
  use(doc, "sansBold", 13).text("Agreement");
  doc.moveDown(0.4);
  use(doc, "sans", 8.5, SOFT).text(agreement.intro);
  for (const line of agreement.lines) use(doc, "sans", 9.5).text(line);

  let rendered = 0;
  for (const [i, header] of source.documents.entries()) {
    const text = (await loadDocument(source, header)).text;
    // The first document starts under the summary, unless the summary left too little room.
    if (i > 0 || doc.y > doc.page.height * FIRST_DOCUMENT_BELOW) doc.addPage();
    else doc.moveDown(1.5);
    doc.outline.addItem(`${i + 1}. ${header.title}`);
    use(doc, "serifBold", 16).text(`${i + 1}. ${header.title}`);
    const byline = documentByline(header);
    if (byline) use(doc, "sans", 9.5, SOFT).text(byline);
    use(doc, "sans", 8.5, SOFT).text(`File ${header.fileName} · sha256 ${header.sha256} · ${rows[i].claims} claims`);
    for await (const claim of claimsOf(source, header.id)) {
      renderClaim(doc, claim, claimLink(source, header.slug, claim.id), text, source.tags);
      if (++rendered % LAYOUT_CACHE_CLAIMS === 0) trimLayoutCaches(doc);
      if (chunks.length) yield take();
    }
  }
  const links = await loadExportLinks(source);
  if (links.length) renderLinks(doc, links);
  doc.end();
  await ended;
  if (chunks.length) yield take();
}
