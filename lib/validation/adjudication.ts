import { z } from "zod";
import { CLAIM_STATUSES } from "./claim";
import { MAX_DB_INT, TOO_LARGE } from "./integers";
import { isWellFormedText, WELL_FORMED_MESSAGE } from "./unicode";

export const MAX_REASON_LENGTH = 2000;

const slug = z.string().min(1).max(40).refine(isWellFormedText, { error: WELL_FORMED_MESSAGE });

/** A curator's verdict on a claim: final tags (possibly none), final status and why. */
export const adjudicateSchema = z.object({
  claimId: z.string().min(1).max(64).refine(isWellFormedText, { error: WELL_FORMED_MESSAGE }),
  /** The claim version the curator saw: a verdict on a claim that changed since is a conflict. */
  version: z.number({ error: "version is required" }).int().positive().max(MAX_DB_INT, TOO_LARGE),
  tags: z
    .array(slug, { error: "tags must be a list of tag slugs" })
    .max(20, { error: "At most 20 final tags." })
    .refine((tags) => new Set(tags).size === tags.length, { error: "A final tag is listed twice." }),
  status: z.enum(CLAIM_STATUSES, { error: `Status must be one of: ${CLAIM_STATUSES.join(", ")}.` }),
  reason: z
    .string({ error: "A reason is required." })
    .refine(isWellFormedText, { error: `Reason ${WELL_FORMED_MESSAGE}` })
    .transform((r) => r.trim())
    .pipe(
      z
        .string()
        .min(1, { error: "Say why: a verdict needs a reason." })
        .max(MAX_REASON_LENGTH, { error: `Reason must be at most ${MAX_REASON_LENGTH} characters.` }),
    ),
});
export type AdjudicateInput = z.infer<typeof adjudicateSchema>;
