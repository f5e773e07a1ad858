import { z } from "zod";
import { MAX_DB_INT, TOO_LARGE } from "./integers";
import { isWellFormedText, WELL_FORMED_MESSAGE } from "./unicode";

export const CLAIM_STATUSES = ["proposed", "accepted", "disputed", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const MAX_CLAIM_LENGTH = 2000;

const id = z.string().min(1).max(64).refine(isWellFormedText, { error: WELL_FORMED_MESSAGE });
/** The claim version the client's edit was based on (optimistic locking). */
const version = z.number({ error: "version is required" }).int().positive().max(MAX_DB_INT, TOO_LARGE);
const offset = z.number({ error: "offsets must be numbers" }).int().nonnegative().max(MAX_DB_INT, TOO_LARGE);

const span = z
  .object({ start: offset, end: offset })
  .refine((s) => s.end > s.start, { error: "The selection is empty.", path: ["end"] })
  .refine((s) => s.end - s.start <= MAX_CLAIM_LENGTH, {
    error: `A claim can be at most ${MAX_CLAIM_LENGTH} characters.`,
    path: ["end"],
  });

export const createClaimSchema = z.intersection(z.object({ documentId: id }), span);

export const adjustSpanSchema = z.intersection(z.object({ claimId: id, version }), span);

export const claimVersionSchema = z.object({ claimId: id, version });

export const CLAIM_KINDS = ["factual", "argumentative"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const MAX_STATEMENT_LENGTH = 500;

/** The claim in the reviewer's words (its statement) and whether it states a fact or argues; empty clears. */
export const describeClaimSchema = z.object({
  claimId: id,
  version,
  statement: z
    .string()
    .trim()
    .max(MAX_STATEMENT_LENGTH, { error: `A statement can be at most ${MAX_STATEMENT_LENGTH} characters.` })
    .refine(isWellFormedText, { error: WELL_FORMED_MESSAGE })
    .transform((s) => s || null),
  kind: z.enum(CLAIM_KINDS, { error: `Kind must be one of: ${CLAIM_KINDS.join(", ")}.` }).nullable(),
});

export const setStatusSchema = z.object({
  claimId: id,
  version,
  status: z.enum(CLAIM_STATUSES, { error: `Status must be one of: ${CLAIM_STATUSES.join(", ")}.` }),
});

export const setTagSchema = z.object({
  claimId: id,
  tag: z.string().min(1).max(40).refine(isWellFormedText, { error: WELL_FORMED_MESSAGE }),
  on: z.boolean(),
});

/** A reviewer's decision on a claim a new document version left fuzzy or orphaned. */
export const resolveAnchorSchema = z.object({ claimId: id, version, resolution: z.enum(["confirm", "retire"]) });

/** Accept a suggested claim, on its own passage or on the one the reviewer adjusted it to. */
export const acceptSuggestionSchema = z
  .object({ suggestionId: id, start: offset.optional(), end: offset.optional() })
  .refine((s) => (s.start === undefined) === (s.end === undefined), {
    error: "Give both start and end, or neither.",
    path: ["end"],
  })
  .refine((s) => s.start === undefined || s.end === undefined || s.end > s.start, {
    error: "The selection is empty.",
    path: ["end"],
  });

export const rejectSuggestionSchema = z.object({ suggestionId: id });

/** Accept every pending suggestion in the paragraph holding `offset`. */
export const acceptParagraphSuggestionsSchema = z.object({ documentId: id, offset });
