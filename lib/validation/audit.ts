import { z } from "zod";

const id = z.string().trim().min(1).max(64).optional().catch(undefined);

/** The audit page's query string; anything malformed is simply ignored as a filter. */
export const auditQuerySchema = z.object({ actor: id, document: id, claim: id, cursor: id });

export const restoreVersionSchema = z.object({
  claimId: z.string().min(1).max(64),
  version: z.number().int().positive(),
  eventId: z.string().min(1).max(64),
});
