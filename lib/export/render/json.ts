import type { LinkListing } from "../../db/claim-link-reads";
import {
  EXPORT_FILE_FORMAT,
  EXPORT_FILE_VERSION,
  type ExportFileClaim,
  type ExportFileLink,
} from "../../validation/export-file";
import { loadExportLinks } from "../links";
import type { ExportClaim, ExportPerson } from "../model";
import { claimsOf, type ExportSource, loadDocument } from "../source";

const person = (p: ExportPerson) => ({ email: p.email, name: p.name });

/** A claim as the JSON export (and import) writes it; see lib/validation/export-file.ts. */
export function toFileClaim(c: ExportClaim): ExportFileClaim {
  return {
    id: c.id,
    seedKey: c.seedKey,
    start: c.start,
    end: c.end,
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
    paragraph: { start: c.paragraphStart, end: c.paragraphEnd },
    statement: c.statement,
    kind: c.kind as ExportFileClaim["kind"],
    status: c.status as ExportFileClaim["status"],
    suggestedTags: c.suggestedTags,
    tags: c.tags.map((t) => ({ tag: t.tag, reviewer: person(t.reviewer), createdAt: t.createdAt.toISOString() })),
    ...(c.verdict
      ? {
          verdict: {
            tags: c.verdict.tags,
            status: c.verdict.status as ExportFileClaim["status"],
            reason: c.verdict.reason,
            curator: person(c.verdict.curator),
            updatedAt: c.verdict.updatedAt.toISOString(),
          },
        }
      : {}),
    notes: c.notes.map((n) => ({
      id: n.id,
      parentId: n.parentId,
      author: person(n.author),
      body: n.body,
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
    })),
    createdBy: c.createdBy ? person(c.createdBy) : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A link as the JSON export writes it: claims by id with their document and selectors. */
export function toFileLink(l: LinkListing): ExportFileLink {
  return {
    id: l.id,
    relation: l.relation as ExportFileLink["relation"],
    state: l.state as ExportFileLink["state"],
    origin: l.origin as ExportFileLink["origin"],
    reason: l.reason,
    note: l.note,
    flags: l.flags.map((f) => ({
      kind: f.kind as ExportFileLink["flags"][number]["kind"],
      reason: f.reason,
      dismissed: f.dismissed,
      dismissReason: f.dismissReason,
    })),
    claims: l.claims.map((c) => ({ id: c.id, document: c.document, start: c.start, end: c.end, exact: c.exact })),
  };
}

/** JSON.stringify(value, null, 2), indented to sit `level` levels deep. */
function nested(value: unknown, level: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(level)}`);
}

/** Claims are sent on in chunks of about this many characters, not one small chunk each. */
const CHUNK = 1 << 16;

function fields(entries: [string, unknown][], level: number): string {
  const pad = "  ".repeat(level);
  return entries.map(([key, value]) => `${pad}${JSON.stringify(key)}: ${nested(value, level)}`).join(",\n");
}

/**
 * Streams the export one claim at a time. The bytes are exactly JSON.stringify(file, null, 2)
 * of the whole file, so a re-export after an import compares byte for byte.
 */
export async function* renderJson(source: ExportSource): AsyncGenerator<string> {
  const head: [string, unknown][] = [
    ["format", EXPORT_FILE_FORMAT],
    ["version", EXPORT_FILE_VERSION],
    ["exportedAt", source.now.toISOString()],
    ["offsetUnit", "utf16-code-unit"],
    ["scope", source.scope.request],
    [
      "tags",
      source.tags.map((t) => ({
        slug: t.slug,
        label: t.label,
        letter: t.letter,
        color: t.color,
        shortcut: t.shortcut,
        description: t.description,
        position: t.position,
      })),
    ],
  ];
  yield `{\n${fields(head, 1)},\n  "documents": [`;
  for (const [i, header] of source.documents.entries()) {
    const doc = await loadDocument(source, header);
    const meta: [string, unknown][] = [
      ["fileName", doc.fileName],
      ["slug", doc.slug],
      ["title", doc.title],
      ["author", doc.author],
      ["publication", doc.publication],
      ["publishedOn", doc.publishedOn],
      ["sha256", doc.sha256],
      ["text", doc.text],
    ];
    yield `${i ? "," : ""}\n    {\n${fields(meta, 3)},\n      "claims": [`;
    let n = 0;
    let chunk = "";
    for await (const claim of claimsOf(source, doc.id)) {
      chunk += `${n++ ? "," : ""}\n        ${nested(toFileClaim(claim), 4)}`;
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}${n ? "\n      ]\n    }" : "]\n    }"}`;
  }
  yield source.documents.length ? "\n  ]" : "]";
  // Links only when there are some, so exports without links stay byte-identical to before.
  const links = await loadExportLinks(source);
  if (links.length) yield `,\n${fields([["links", links.map(toFileLink)]], 1)}`;
  yield "\n}\n";
}
