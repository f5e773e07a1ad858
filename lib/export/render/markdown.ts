import type { LinkListing } from "../../db/claim-link-reads";
import { loadExportLinks, RELATION_WORDS } from "../links";
import type { ExportTag, NumberedClaim } from "../model";
import { agreementMarkdown } from "../report/agreement-section";
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

/** Backslash-escapes what Markdown would read as markup, so quoted text shows as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>|~]/g, "\\$&")
    .replace(/^(\s*)([#+=-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

/** A note is Markdown already: kept as written, but raw HTML in it is shown, not rendered. */
function noteMarkdown(body: string): string {
  return body.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

function quoteBlock(text: string, indent = ""): string {
  return text
    .split("\n")
    .map((line) => `${indent}>${line ? ` ${line}` : ""}`)
    .join("\n");
}

function summaryTable(rows: SummaryRow[], tags: ExportTag[]): string {
  const head = `| Document | Claims | ${tags.map((t) => `${t.letter} ${escapeMarkdown(t.label)}`).join(" | ")} | No consensus |`;
  const rule = `| --- | ---: | ${tags.map(() => "---:").join(" | ")} | ---: |`;
  const line = (name: string, r: Omit<SummaryRow, "document">) =>
    `| ${name} | ${r.claims} | ${tags.map((t) => r.byTag[t.slug] ?? 0).join(" | ")} | ${r.noConsensus} |`;
  const total = rows.reduce(
    (acc, r) => {
      acc.claims += r.claims;
      acc.noConsensus += r.noConsensus;
      for (const [slug, n] of Object.entries(r.byTag)) acc.byTag[slug] = (acc.byTag[slug] ?? 0) + n;
      return acc;
    },
    { claims: 0, noConsensus: 0, byTag: {} as Record<string, number> },
  );
  return [head, rule, ...rows.map((r) => line(escapeMarkdown(r.document.title), r)), line("**Total**", total)].join(
    "\n",
  );
}

function renderClaim(claim: NumberedClaim, link: string, text: string, tags: ExportTag[]): string {
  const label = tagLabeller(tags);
  const consensus = claimConsensus(claim);
  const passage = passageOf(text, claim);
  const tagWord = consensus.agreement === "suggested" ? "suggested" : "consensus";
  const consensusTags = consensus.tags.length ? consensus.tags.map(label).join(", ") : "none";
  const heading = `### Claim ${claim.number} · ${consensus.tags.map(label).join(", ") || "no consensus"} · ${claim.status}`;
  const lines = [
    heading,
    "",
    quoteBlock(`${escapeMarkdown(passage.before)}**${escapeMarkdown(passage.exact)}**${escapeMarkdown(passage.after)}`),
    "",
    `[Open claim ${claim.number} in Claimbook](${link})`,
    "",
  ];
  if (claim.statement) lines.push(`- Statement: ${escapeMarkdown(claim.statement)}`);
  if (claim.kind) lines.push(`- Kind: ${claim.kind}`);
  lines.push(`- Tags: ${tagWord} **${consensusTags}** (${describeAgreement(consensus)})`);
  for (const r of tagsByReviewer(claim, label)) lines.push(`  - ${escapeMarkdown(r.reviewer)}: ${r.tags.join(", ")}`);
  lines.push(`- Status: ${claim.status}`);
  lines.push(`- Position: characters ${claim.start}–${claim.end}`);
  const notes = threadNotes(claim.notes);
  if (notes.length) {
    lines.push(`- Notes (${notes.length}):`);
    for (const { note, depth } of notes) {
      const indent = "  ".repeat(depth + 1);
      lines.push(
        `${indent}- **${escapeMarkdown(note.author.name)}** · ${noteDateline(note)}${depth ? " · reply" : ""}`,
        "",
        quoteBlock(noteMarkdown(note.body), `${indent}  `),
        "",
      );
    }
  }
  return `${lines.join("\n").trimEnd()}\n\n`;
}

/** The "Claims across documents" section: each link, its flags with reasons, and its claims. */
export function linksSection(links: LinkListing[]): string {
  const lines = ["---", "", "## Claims across documents", ""];
  for (const [i, l] of links.entries()) {
    lines.push(`### Link ${i + 1} · ${RELATION_WORDS[l.relation] ?? l.relation} · ${l.state}`, "");
    if (l.reason) lines.push(escapeMarkdown(l.reason), "");
    for (const f of l.flags)
      lines.push(
        `- Flag (${f.kind})${f.dismissed ? `, dismissed: ${escapeMarkdown(f.dismissReason ?? "")} —` : ":"} ${escapeMarkdown(f.reason)}`,
      );
    for (const c of l.claims)
      lines.push(
        `- ${escapeMarkdown(c.documentTitle)} (characters ${c.start}–${c.end}, id \`${c.id}\`): “${escapeMarkdown(c.exact)}”`,
      );
    if (l.note) lines.push(`- Note: ${escapeMarkdown(l.note)}`);
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

export async function* renderMarkdown(source: ExportSource): AsyncGenerator<string> {
  const rows = await summarize(source);
  const total = rows.reduce((n, r) => n + r.claims, 0);
  yield `# Claimbook report: ${escapeMarkdown(source.scope.label)}\n\n`;
  yield `Exported ${formatDate(source.now)} · ${total} claims in ${rows.length} document${rows.length === 1 ? "" : "s"}\n\n`;
  yield `## Summary\n\n${summaryTable(rows, source.tags)}\n\n${CONSENSUS_EXPLANATION}\n\n`;
  yield await agreementMarkdown(source, escapeMarkdown);
  for (const [i, header] of source.documents.entries()) {
    const doc = await loadDocument(source, header);
    const byline = documentByline(doc);
    yield `---\n\n## ${i + 1}. ${escapeMarkdown(doc.title)}\n\n`;
    if (byline) yield `${escapeMarkdown(byline)}\n\n`;
    yield `- File: \`${doc.fileName}\`\n- sha256: \`${doc.sha256}\`\n- Claims: ${rows[i].claims}\n\n`;
    for await (const claim of claimsOf(source, doc.id))
      yield renderClaim(claim, claimLink(source, doc.slug, claim.id), doc.text, source.tags);
  }
  const links = await loadExportLinks(source);
  if (links.length) yield linksSection(links);
}
