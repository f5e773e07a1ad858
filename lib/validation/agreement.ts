import { z } from "zod";

/** The agreement page's query string: an optional document (slug or file name). */
export const agreementParamsSchema = z.object({
  document: z.string().trim().min(1, "document must name a document").max(300, "document is too long").optional(),
});
