import { z } from "zod";

/** GET /api/events?document=<slug>: which document's changes to stream. */
export const liveStreamParamsSchema = z.object({
  document: z
    .string({ error: "document is required (a document slug)" })
    .min(1, { error: "document is required (a document slug)" })
    .max(200, { error: "document must be a document slug" }),
});
