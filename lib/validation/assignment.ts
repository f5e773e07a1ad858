import { z } from "zod";
import { isWellFormedText, WELL_FORMED_MESSAGE } from "./unicode";

const id = z.string().min(1).max(64).refine(isWellFormedText, { error: WELL_FORMED_MESSAGE });

/** A curator assigns a document to a reviewer, or takes the assignment back. */
export const assignmentSchema = z.object({ documentId: id, reviewerId: id });

/** A reviewer marks one of their assigned documents done, or reopens it. */
export const markDoneSchema = z.object({ documentId: id, done: z.boolean({ error: "done must be true or false" }) });

/** A curator turns a document's independent review on or off. */
export const independentReviewSchema = z.object({
  documentId: id,
  on: z.boolean({ error: "on must be true or false" }),
});
