import { z } from "zod";
import { MAX_DB_INT, TOO_LARGE } from "./integers";

const id = z.string().trim().min(1).max(64).optional().catch(undefined);

/** The audit page's query string; anything malformed is simply ignored as a filter. */
export const auditQuerySchema = z.object({ actor: id, document: id, claim: id, cursor: id });

export const restoreVersionSchema = z.object({
  claimId: z.string().min(1).max(64),
  version: z.number().int().positive().max(MAX_DB_INT, TOO_LARGE),
  eventId: z.string().min(1).max(64),
});
