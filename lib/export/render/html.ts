import type { LinkListing } from "../../db/claim-link-reads";
import { renderMarkdown } from "../../notes/render-markdown";
import { loadExportLinks, RELATION_WORDS } from "../links";
import type { ExportTag, NumberedClaim } from "../model";
import { agreementHtml } from "../report/agreement-section";
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
import { REPORT_CSS } from "./html-style";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Tag colours come from the database: only a plain hex colour reaches the style attribute. */
function safeColor(color: string): string {
  return /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : "#6b7280";
}

function tagChip(tag: ExportTag | undefined, slug: string): string {
  if (!tag) return `<span class="tag" style="--tag:#6b7280"><b>?</b>${escapeHtml(slug)}</span>`;
  return `<span class="tag" style="--tag:${safeColor(tag.color)}"><b aria-hidden="true">${escapeHtml(tag.letter)}</b>${escapeHtml(tag.label)}</span>`;
}

function summaryTable(rows: SummaryRow[], tags: ExportTag[]): string {
  const cells = (r: Omit<SummaryRow, "document">) =>
    [r.claims, ...tags.map((t) => r.byTag[t.slug] ?? 0), r.noConsensus].map((n) => `<td>${n}</td>`).join("");
  const total = { claims: 0, noConsensus: 0, byTag: {} as Record<string, number> };
  for (const r of rows) {
    total.claims += r.claims;
    total.noConsensus += r.noConsensus;
    for (const [slug, n] of Object.entries(r.byTag)) total.byTag[slug] = (total.byTag[slug] ?? 0) + n;
  }
  const head = `<tr><th scope="col">Document</th><th scope="col">Claims</th>${tags.map((t) => `<th scope="col">${tagChip(t, t.slug)}</th>`).join("")}<th scope="col">No consensus</th></tr>`;
  const body = rows
    .map((r, i) => `<tr><td><a href="#doc-${i + 1}">${escapeHtml(r.document.title)}</a></td>${cells(r)}</tr>`)
    .join("\n");
  return `<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n<tfoot><tr><td>Total</td>${cells(total)}</tr></tfoot>\n</table></div>`;
}

function renderClaim(claim: NumberedClaim, link: string, text: string, tags: ExportTag[]): string {
  const tagBySlug = new Map(tags.map((t) => [t.slug, t]));
  const label = tagLabeller(tags);
  const consensus = claimConsensus(claim);
  const passage = passageOf(text, claim);
  const chips =
    consensus.tags.map((slug) => tagChip(tagBySlug.get(slug), slug)).join(" ") || "<span>no consensus</span>";
  const reviewers = tagsByReviewer(claim, label);
  const notes = threadNotes(claim.notes);
  const rows = [
    claim.statement ? `<dt>Statement</dt><dd>${escapeHtml(claim.statement)}</dd>` : "",
    claim.kind ? `<dt>Kind</dt><dd>${escapeHtml(claim.kind)}</dd>` : "",
    `<dt>${consensus.agreement === "suggested" ? "Suggested" : "Consensus"}</dt><dd>${consensus.tags.map(label).map(escapeHtml).join(", ") || "none"} (${describeAgreement(consensus)})</dd>`,
    reviewers.length
      ? `<dt>Reviewers</dt><dd><ul class="reviewers">${reviewers.map((r) => `<li>${escapeHtml(r.reviewer)}: ${r.tags.map(escapeHtml).join(", ")}</li>`).join("")}</ul></dd>`
      : "",
    `<dt>Status</dt><dd>${escapeHtml(claim.status)}</dd>`,
    `<dt>Position</dt><dd>characters ${claim.start}–${claim.end} · <code>${escapeHtml(claim.id)}</code></dd>`,
  ].filter(Boolean);
  const noteList = notes.length
    ? `<ul class="notes" aria-label="Notes">${notes
        .map(
          ({ note, depth }) =>
            `<li class="note" style="margin-left:${Math.min(depth, 6) * 1.25}rem"><div class="note-meta"><strong>${escapeHtml(note.author.name)}</strong> · ${noteDateline(note)}${depth ? " · reply" : ""}</div><div class="body">${renderMarkdown(note.body)}</div></li>`,
        )
        .join("")}</ul>`
    : "";
  return `<section class="claim" id="claim-${escapeHtml(claim.id)}">
<h3><a class="number" href="${escapeHtml(link)}">Claim ${claim.number}</a> ${chips} <span class="status">${escapeHtml(claim.status)}</span></h3>
<blockquote>${escapeHtml(passage.before)}<mark>${escapeHtml(passage.exact)}</mark>${escapeHtml(passage.after)}</blockquote>
<dl>${rows.join("")}</dl>
${noteList}</section>
`;
}

/** The "Claims across documents" section: each link, its flags with reasons, and its claims. */
function linksSection(links: LinkListing[]): string {
  const items = links.map((l, i) => {
    const flags = l.flags
      .map(
        (f) =>
          `<li>Flag (${escapeHtml(f.kind)})${f.dismissed ? `, dismissed: ${escapeHtml(f.dismissReason ?? "")} —` : ":"} ${escapeHtml(f.reason)}</li>`,
      )
      .join("");
    const claims = l.claims
      .map(
        (c) =>
          `<li>${escapeHtml(c.documentTitle)} (characters ${c.start}–${c.end}, id <code>${escapeHtml(c.id)}</code>): <q>${escapeHtml(c.exact)}</q></li>`,
      )
      .join("");
    return `<section class="link">
<h3 id="link-${i + 1}">Link ${i + 1} · ${escapeHtml(RELATION_WORDS[l.relation] ?? l.relation)} · ${escapeHtml(l.state)}</h3>
${l.reason ? `<p class="meta">${escapeHtml(l.reason)}</p>\n` : ""}<ul>${flags}${claims}${l.note ? `<li>Note: ${escapeHtml(l.note)}</li>` : ""}</ul>
</section>`;
  });
  return `<article class="document">\n<h2 id="links">Claims across documents</h2>\n${items.join("\n")}\n</article>\n`;
}

export async function* renderHtml(source: ExportSource): AsyncGenerator<string> {
  const rows = await summarize(source);
  const total = rows.reduce((n, r) => n + r.claims, 0);
  const title = `Claimbook report: ${source.scope.label}`;
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Claimbook">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Exported ${formatDate(source.now)} · ${total} claims in ${rows.length} document${rows.length === 1 ? "" : "s"}</p>
<h2 id="summary" style="break-before:auto">Summary</h2>
${summaryTable(rows, source.tags)}
<p class="explain">${escapeHtml(CONSENSUS_EXPLANATION)}</p>
`;
  yield await agreementHtml(source, escapeHtml);
  for (const [i, header] of source.documents.entries()) {
    const doc = await loadDocument(source, header);
    const byline = documentByline(doc);
    yield `<article class="document">
<h2 id="doc-${i + 1}">${i + 1}. ${escapeHtml(doc.title)}</h2>
${byline ? `<p class="meta">${escapeHtml(byline)}</p>\n` : ""}<p class="meta">File <code>${escapeHtml(doc.fileName)}</code> · sha256 <code>${doc.sha256}</code> · ${rows[i].claims} claims</p>
`;
    for await (const claim of claimsOf(source, doc.id))
      yield renderClaim(claim, claimLink(source, doc.slug, claim.id), doc.text, source.tags);
    yield `</article>\n`;
  }
  const links = await loadExportLinks(source);
  if (links.length) yield linksSection(links);
  yield `</main>\n</body>\n</html>\n`;
}
