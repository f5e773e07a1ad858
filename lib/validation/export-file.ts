import { z } from "zod";
import { FLAG_KINDS, LINK_RELATIONS, LINK_STATES } from "../links/types";
import { MAX_QUERY_LENGTH } from "../search/query-syntax";
import { MAX_DB_INT, TOO_LARGE } from "./integers";

/**
 * The Claimbook JSON export, version 1: what `claims export --format json` writes and
 * `claims import` reads. Strict objects: an unknown key is an error, not silently dropped.
 * Offsets (start, end, paragraph) are UTF-16 code units into the document's text.
 * Limits keep a hostile file from exhausting memory or the database.
 */
export const EXPORT_FILE_FORMAT = "claimbook-export";
export const EXPORT_FILE_VERSION = 1;

const MAX_TEXT = 5_000_000;
const MAX_SHORT = 500;
const MAX_LONG = 50_000;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "must be 1–64 letters, digits, '-' or '_'" });
const isoDate = z.iso.datetime({ offset: false, error: "must be an ISO 8601 UTC date-time" });
const shortText = z.string().max(MAX_SHORT);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "must be a lower-case slug" });

export const exportPersonSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(100),
});

export const exportTagSchema = z.strictObject({
  slug,
  label: z.string().min(1).max(60),
  letter: z.string().min(1).max(2),
  color: z.string().regex(/^#[0-9a-fA-F]{3,8}$/, { error: "must be a hex colour" }),
  shortcut: z.string().length(1),
  description: z.string().max(MAX_SHORT),
  position: z.number().int().min(0).max(10_000),
});

export const exportNoteSchema = z.strictObject({
  id,
  parentId: id.nullable(),
  author: exportPersonSchema,
  body: z.string().min(1).max(MAX_LONG),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const exportClaimSchema = z.strictObject({
  id,
  seedKey: z.string().max(64).nullable(),
  start: z.number().int().min(0).max(MAX_DB_INT, TOO_LARGE),
  end: z.number().int().min(1).max(MAX_DB_INT, TOO_LARGE),
  exact: z.string().min(1).max(MAX_LONG),
  prefix: z.string().max(MAX_SHORT),
  suffix: z.string().max(MAX_SHORT),
  paragraph: z.strictObject({
    start: z.number().int().min(0).max(MAX_DB_INT, TOO_LARGE),
    end: z.number().int().min(1).max(MAX_DB_INT, TOO_LARGE),
  }),
  statement: z.string().max(MAX_LONG).nullable(),
  kind: z.enum(["factual", "argumentative"]).nullable(),
  status: z.enum(["proposed", "accepted", "disputed", "rejected"]),
  suggestedTags: z.array(slug).max(50),
  tags: z.array(z.strictObject({ tag: slug, reviewer: exportPersonSchema, createdAt: isoDate })).max(1_000),
  /** A curator's verdict (issue 14); absent when the claim has none, so older files stay valid. */
  verdict: z
    .strictObject({
      tags: z.array(slug).max(50),
      status: z.enum(["proposed", "accepted", "disputed", "rejected"]),
      reason: z.string().min(1).max(2000),
      curator: exportPersonSchema,
      updatedAt: isoDate,
    })
    .optional(),
  notes: z.array(exportNoteSchema).max(10_000),
  createdBy: exportPersonSchema.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const exportDocumentSchema = z.strictObject({
  fileName: z.string().regex(/^[\w.-]{1,120}$/, { error: "must be a plain file name" }),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, { error: "must be a lower-case slug" }),
  title: z.string().min(1).max(MAX_SHORT),
  author: shortText.nullable(),
  publication: shortText.nullable(),
  publishedOn: shortText.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "must be 64 lower-case hex digits" }),
  text: z.string().min(1).max(MAX_TEXT),
  claims: z.array(exportClaimSchema).max(1_000_000),
});

export const exportScopeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("corpus") }),
  z.strictObject({ kind: z.literal("document"), document: z.string().max(MAX_SHORT) }),
  z.strictObject({
    kind: z.literal("query"),
    q: z.string().max(MAX_QUERY_LENGTH),
    document: z.string().max(MAX_SHORT).optional(),
  }),
]);

/** A link between claims of different documents ("Claims across documents"); the import skips links (detection runs after it). */
export const exportLinkSchema = z.strictObject({
  id: z.string().min(1).max(64),
  relation: z.enum(LINK_RELATIONS),
  state: z.enum(LINK_STATES),
  origin: z.enum(["detector", "manual"]),
  reason: z.string().max(10_000),
  note: z.string().max(10_000),
  flags: z
    .array(
      z.strictObject({
        kind: z.enum(FLAG_KINDS),
        reason: z.string().max(10_000),
        dismissed: z.boolean(),
        dismissReason: z.string().max(10_000).nullable(),
      }),
    )
    .max(FLAG_KINDS.length),
  claims: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64),
        document: z.string().max(MAX_SHORT),
        start: z.number().int().min(0).max(MAX_DB_INT, TOO_LARGE),
        end: z.number().int().min(1).max(MAX_DB_INT, TOO_LARGE),
        exact: z.string().max(100_000),
      }),
    )
    .min(2)
    .max(1_000),
});

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FILE_FORMAT),
  version: z.literal(EXPORT_FILE_VERSION, { error: `only version ${EXPORT_FILE_VERSION} can be imported` }),
  exportedAt: isoDate,
  offsetUnit: z.literal("utf16-code-unit"),
  scope: exportScopeSchema,
  tags: z.array(exportTagSchema).max(1_000),
  documents: z.array(exportDocumentSchema).max(10_000),
  links: z.array(exportLinkSchema).max(1_000_000).optional(),
});

export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportFileClaim = z.infer<typeof exportClaimSchema>;
export type ExportFileLink = z.infer<typeof exportLinkSchema>;
