import { sha256Hex } from "../documents/hash";
import type { ExportFile } from "../validation/export-file";

/**
 * Checks what a schema cannot: each text matches its sha256, each claim's quote and
 * context are the text at its offsets inside its paragraph, every tag is in the file's
 * vocabulary, ids are unique, reply threads point at notes of the same claim, and one
 * email means one person. Returns one message per problem, naming where it is.
 */
export function verifyExportFile(file: ExportFile): string[] {
  const problems: string[] = [];
  const tagSlugs = new Set(file.tags.map((t) => t.slug));
  const unique = (what: string, values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`${what} "${v}" appears twice`);
      seen.add(v);
    }
  };
  unique(
    "tag",
    file.tags.map((t) => t.slug),
  );
  unique(
    "tag shortcut",
    file.tags.map((t) => t.shortcut),
  );
  unique(
    "document file name",
    file.documents.map((d) => d.fileName),
  );
  unique(
    "document slug",
    file.documents.map((d) => d.slug),
  );
  unique(
    "claim id",
    file.documents.flatMap((d) => d.claims.map((c) => c.id)),
  );
  unique(
    "note id",
    file.documents.flatMap((d) => d.claims.flatMap((c) => c.notes.map((n) => n.id))),
  );

  const names = new Map<string, string>();
  const person = (where: string, p: { email: string; name: string }) => {
    const known = names.get(p.email);
    if (known !== undefined && known !== p.name)
      problems.push(`${where}: ${p.email} is named both "${known}" and "${p.name}"`);
    names.set(p.email, p.name);
  };

  for (const [d, doc] of file.documents.entries()) {
    const at = `documents.${d} (${doc.fileName})`;
    if (sha256Hex(doc.text) !== doc.sha256) {
      problems.push(`${at}: the text does not match its sha256`);
      continue;
    }
    for (const [c, claim] of doc.claims.entries()) {
      const where = `${at} claims.${c} (${claim.id})`;
      const { start, end, paragraph } = claim;
      if (!(start < end && end <= doc.text.length)) {
        problems.push(`${where}: span ${start}–${end} is not inside the text (length ${doc.text.length})`);
        continue;
      }
      if (doc.text.slice(start, end) !== claim.exact)
        problems.push(`${where}: the quote is not the text at ${start}–${end}`);
      if (doc.text.slice(Math.max(0, start - claim.prefix.length), start) !== claim.prefix)
        problems.push(`${where}: the prefix does not match the text before ${start}`);
      if (doc.text.slice(end, end + claim.suffix.length) !== claim.suffix)
        problems.push(`${where}: the suffix does not match the text after ${end}`);
      if (!(paragraph.start <= start && end <= paragraph.end && paragraph.end <= doc.text.length))
        problems.push(`${where}: the paragraph ${paragraph.start}–${paragraph.end} does not contain the claim`);
      for (const slug of [...claim.suggestedTags, ...claim.tags.map((t) => t.tag), ...(claim.verdict?.tags ?? [])]) {
        if (!tagSlugs.has(slug)) problems.push(`${where}: tag "${slug}" is not in the file's tags`);
      }
      unique(
        `${where} reviewer tag`,
        claim.tags.map((t) => `${t.tag} by ${t.reviewer.email}`),
      );
      for (const t of claim.tags) person(where, t.reviewer);
      if (claim.createdBy) person(where, claim.createdBy);
      if (claim.verdict) {
        person(where, claim.verdict.curator);
        unique(`${where} final tag`, claim.verdict.tags);
      }
      const noteIds = new Set(claim.notes.map((n) => n.id));
      const parents = new Map(claim.notes.map((n) => [n.id, n.parentId]));
      for (const note of claim.notes) {
        person(where, note.author);
        if (note.parentId !== null && !noteIds.has(note.parentId))
          problems.push(`${where} note ${note.id}: replies to a note that is not on this claim`);
        // Walk up the thread: a cycle would make the replies unreachable.
        const seen = new Set<string>();
        for (let p: string | null | undefined = note.id; p; p = parents.get(p)) {
          if (seen.has(p)) {
            problems.push(`${where} note ${note.id}: its reply thread loops`);
            break;
          }
          seen.add(p);
        }
      }
    }
  }
  return problems;
}
