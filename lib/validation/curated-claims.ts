import { z } from "zod";

/** Tag slugs the curated claims may suggest (the seeded vocabulary). */
export const CURATED_TAGS = ["statistic", "opinion", "legal-fact"] as const;

const quoteText = z
  .string()
  .min(1)
  .refine((s) => s === s.trim(), { error: "must not start or end with whitespace" });

/** A curated claim before its selectors are filled in by `claims curate`. */
export const draftClaimSchema = z.object({
  id: z
    .string()
    .regex(/^\d{3}-c\d{3}$/)
    .optional(),
  exact: quoteText,
  occurrence: z.number().int().positive().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().positive().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  statement: z.string().min(1),
  kind: z.enum(["factual", "argumentative"]),
  tags: z.array(z.enum(CURATED_TAGS)).min(1),
});

/** A curated claim as the seed loads it: every selector present. */
export const curatedClaimSchema = draftClaimSchema.required({
  id: true,
  start: true,
  end: true,
  prefix: true,
  suffix: true,
});

/** A sentence that is deliberately not a claim, with the reason (the coverage report's data). */
export const nonClaimSchema = z.object({
  exact: quoteText,
  occurrence: z.number().int().positive().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().positive().optional(),
  reason: z.string().min(1),
});

const metadata = {
  document: z.string().regex(/^[\w.-]+\.txt$/),
  title: z.string().min(1).nullable(),
  author: z.string().min(1).nullable(),
  publication: z.string().min(1).nullable(),
  date: z.iso.date().nullable(),
};

export const draftClaimFileSchema = z.object({
  ...metadata,
  claims: z.array(draftClaimSchema),
  nonClaims: z.array(nonClaimSchema),
});
export type DraftClaimFile = z.infer<typeof draftClaimFileSchema>;

export const curatedClaimFileSchema = z.object({
  ...metadata,
  claims: z.array(curatedClaimSchema).min(1),
  nonClaims: z.array(nonClaimSchema.required({ start: true, end: true })),
});
export type CuratedClaimFile = z.infer<typeof curatedClaimFileSchema>;
