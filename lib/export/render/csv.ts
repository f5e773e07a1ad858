import type { NumberedClaim } from "../model";
import { claimConsensus } from "../report/describe";
import { claimLink, claimsOf, type ExportSource } from "../source";
import { csvRecord } from "./csv-field";

/**
 * Columns a reader uses: the claim's number and link in the app come first; the document's
 * sha256, the claim's internal id and its UTF-16 offsets are left to the JSON export, which
 * is for machines (the link still carries the id, for a script that must join tables).
 */
const CLAIM_COLUMNS = [
  "document_title",
  "document_file",
  "claim_number",
  "link",
  "exact",
  "statement",
  "kind",
  "status",
  "consensus_tags",
  "agreement",
  "reviewers",
  "reviewer_tags",
  "suggested_tags",
  "note_count",
  "created_by",
  "created_at",
  "updated_at",
] as const;

const NOTE_COLUMNS = [
  "document_file",
  "claim_number",
  "link",
  "claim_exact",
  "note_id",
  "parent_id",
  "author",
  "created_at",
  "updated_at",
  "body",
] as const;

type Cell = string | number;

/** RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line break, CRLF line ends. */
function csvLines(rows: Cell[][]): string {
  let out = "";
  for (const row of rows) out += csvRecord(row);
  return out;
}

function claimRow(doc: { fileName: string; title: string }, c: NumberedClaim, link: string): Cell[] {
  const consensus = claimConsensus(c);
  // Grouped by reviewer id, not name: two people may share a display name.
  const reviewerTags = new Map<string, { name: string; tags: string[] }>();
  for (const t of c.tags) {
    const entry = reviewerTags.get(t.reviewer.id) ?? { name: t.reviewer.name, tags: [] };
    entry.tags.push(t.tag);
    reviewerTags.set(t.reviewer.id, entry);
  }
  return [
    doc.title,
    doc.fileName,
    c.number,
    link,
    c.exact,
    c.statement ?? "",
    c.kind ?? "",
    c.status,
    consensus.tags.join("; "),
    consensus.agreement,
    consensus.reviewers,
    [...reviewerTags.values()].map(({ name, tags }) => `${name}: ${tags.join(", ")}`).join("; "),
    c.suggestedTags.join("; "),
    c.notes.length,
    c.createdBy?.name ?? "",
    c.createdAt.toISOString(),
    c.updatedAt.toISOString(),
  ];
}

/** One row per claim, numbered as in the app. */
export async function* renderClaimsCsv(source: ExportSource): AsyncGenerator<string> {
  yield csvLines([[...CLAIM_COLUMNS]]);
  for (const doc of source.documents) {
    let batch = "";
    let rows = 0;
    for await (const claim of claimsOf(source, doc.id)) {
      batch += csvRecord(claimRow(doc, claim, claimLink(source, doc.slug, claim.id)));
      if (++rows % 500 === 0) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
  }
}

/** One row per live note, in claim then thread-time order. */
export async function* renderNotesCsv(source: ExportSource): AsyncGenerator<string> {
  yield csvLines([[...NOTE_COLUMNS]]);
  for (const doc of source.documents) {
    for await (const claim of claimsOf(source, doc.id)) {
      if (claim.notes.length === 0) continue;
      yield csvLines(
        claim.notes.map((n) => [
          doc.fileName,
          claim.number,
          claimLink(source, doc.slug, claim.id),
          claim.exact,
          n.id,
          n.parentId ?? "",
          n.author.name,
          n.createdAt.toISOString(),
          n.updatedAt.toISOString(),
          n.body,
        ]),
      );
    }
  }
}
