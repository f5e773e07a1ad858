import { z } from "zod";

/** A claim's review status (Claim.status). */
export const CLAIM_STATUSES = ["proposed", "accepted", "disputed", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const claimStatusSchema = z.enum(CLAIM_STATUSES, { error: `Status must be one of: ${CLAIM_STATUSES.join(", ")}.` });
