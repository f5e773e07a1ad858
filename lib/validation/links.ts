import { z } from "zod";
import { LINK_RELATIONS } from "../links/types";
import { MAX_DB_INT, TOO_LARGE } from "./integers";
import { isWellFormedText, WELL_FORMED_MESSAGE } from "./unicode";

const id = z.string().min(1).max(64).refine(isWellFormedText, { error: WELL_FORMED_MESSAGE });
const version = z.number({ error: "version is required" }).int().positive().max(MAX_DB_INT, TOO_LARGE);
const note = z
  .string()
  .trim()
  .max(2000, { error: "A note can be at most 2,000 characters." })
  .refine(isWellFormedText, { error: WELL_FORMED_MESSAGE });

export const setLinkStateSchema = z.object({
  linkId: id,
  version,
  state: z.enum(["confirmed", "rejected", "suggested"], { error: "State must be confirmed, rejected or suggested." }),
  note: note.optional(),
});

export const dismissFlagSchema = z.object({
  flagId: id,
  reason: z
    .string()
    .trim()
    .min(3, { error: "Say why the flag does not hold (at least 3 characters)." })
    .max(1000, { error: "A reason can be at most 1,000 characters." })
    .refine(isWellFormedText, { error: WELL_FORMED_MESSAGE }),
});

export const createLinkSchema = z.object({
  claimIds: z.array(id).min(2, { error: "A link joins at least two claims." }).max(20),
  relation: z.enum(LINK_RELATIONS, { error: `Relation must be one of: ${LINK_RELATIONS.join(", ")}.` }),
  note: note.default(""),
});

export const unlinkSchema = z.object({ linkId: id, claimId: id, version });

export const detectLinksSchema = z.object({});

export const claimLinksSchema = z.object({ claimId: id });

export const linkTargetsSchema = z.object({
  claimId: id,
  q: z.string().trim().min(1, { error: "Type words to find a claim." }).max(200),
});
