import { z } from "zod";
import { MAX_DB_INT, TOO_LARGE } from "./integers";
import { isWellFormedText, WELL_FORMED_MESSAGE } from "./unicode";

export const MAX_NOTE_LENGTH = 10_000;

const body = z
  .string({ error: "The note is empty." })
  .trim()
  .min(1, { error: "The note is empty." })
  .max(MAX_NOTE_LENGTH, { error: `A note can be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.` })
  .refine(isWellFormedText, { error: `The note ${WELL_FORMED_MESSAGE}` });
const id = z.string().min(1).max(64).refine(isWellFormedText, { error: WELL_FORMED_MESSAGE });

export const addNoteSchema = z.object({ claimId: id, parentId: id.nullable(), body });
export const editNoteSchema = z.object({
  noteId: id,
  version: z.number().int().positive().max(MAX_DB_INT, TOO_LARGE),
  body,
});
export const deleteNoteSchema = z.object({
  noteId: id,
  version: z.number().int().positive().max(MAX_DB_INT, TOO_LARGE),
});
