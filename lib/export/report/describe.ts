import type { Consensus } from "../../tags/consensus";
import { COUNTING_RULE, finalTags } from "../../tags/counting-rule";
import type { ExportClaim, ExportDocumentHeader, ExportNote, ExportTag } from "../model";

/** Dates in reports: UTC to the minute, the same on every machine. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function documentByline(doc: ExportDocumentHeader): string {
  return [doc.author, doc.publication, doc.publishedOn].filter(Boolean).join(" · ");
}

export function claimConsensus(claim: ExportClaim): Consensus {
  return finalTags({
    suggestedTags: claim.suggestedTags,
    reviewerTags: claim.tags.map((t) => ({ tag: t.tag, reviewerId: t.reviewer.id })),
    finalTags: claim.verdict?.tags ?? null,
  });
}

export function tagLabeller(tags: ExportTag[]): (slug: string) => string {
  const labels = new Map(tags.map((t) => [t.slug, t.label]));
  return (slug) => labels.get(slug) ?? slug;
}

/** "unanimous, 2 reviewers" / "majority of 3 reviewers" / "reviewers split" / "curated suggestion; no reviewer has tagged it yet". */
export function describeAgreement(c: Consensus): string {
  switch (c.agreement) {
    case "adjudicated":
      return `adjudicated by a curator${c.reviewers ? ` over ${c.reviewers} ${c.reviewers === 1 ? "reviewer" : "reviewers"}` : ""}`;
    case "suggested":
      return "curated suggestion; no reviewer has tagged it yet";
    case "unanimous":
      return c.reviewers === 1 ? "one reviewer" : `unanimous, ${c.reviewers} reviewers`;
    case "majority":
      return `majority of ${c.reviewers} reviewers`;
    case "split":
      return `no majority among ${c.reviewers} reviewers`;
  }
}

/** Each reviewer's tags on a claim, reviewers in email order. */
export function tagsByReviewer(
  claim: ExportClaim,
  label: (slug: string) => string,
): { reviewer: string; tags: string[] }[] {
  const grouped = new Map<string, { reviewer: string; tags: string[] }>();
  for (const t of claim.tags) {
    const entry = grouped.get(t.reviewer.id) ?? { reviewer: t.reviewer.name, tags: [] };
    entry.tags.push(label(t.tag));
    grouped.set(t.reviewer.id, entry);
  }
  return [...grouped.values()];
}

/** A claim's passage: its paragraph cut into the text before, the claim, and after. */
export function passageOf(text: string, claim: ExportClaim): { before: string; exact: string; after: string } {
  return {
    before: text.slice(claim.paragraphStart, claim.start),
    exact: text.slice(claim.start, claim.end),
    after: text.slice(claim.end, claim.paragraphEnd),
  };
}

/** Notes as threads: each root in time order, followed by its replies (depth-first). */
export function threadNotes(notes: ExportNote[]): { note: ExportNote; depth: number }[] {
  const ids = new Set(notes.map((n) => n.id));
  const children = new Map<string | null, ExportNote[]>();
  for (const note of notes) {
    // A reply whose parent was deleted is shown as a root rather than lost.
    const parent = note.parentId && ids.has(note.parentId) ? note.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), note]);
  }
  const out: { note: ExportNote; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const note of children.get(parent) ?? []) {
      if (seen.has(note.id)) continue;
      seen.add(note.id);
      out.push({ note, depth });
      walk(note.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function noteDateline(note: ExportNote): string {
  const edited = note.updatedAt.getTime() !== note.createdAt.getTime() ? ` (edited ${formatDate(note.updatedAt)})` : "";
  return `${formatDate(note.createdAt)}${edited}`;
}

export const CONSENSUS_EXPLANATION = COUNTING_RULE;
