import { z } from "zod";

export const MAX_NOTE_LENGTH = 10_000;

const body = z
  .string({ error: "The note is empty." })
  .trim()
  .min(1, { error: "The note is empty." })
  .max(MAX_NOTE_LENGTH, { error: `A note can be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.` });

export const addNoteSchema = z.object({ claimId: z.string().min(1).max(64), parentId: z.string().min(1).max(64).nullable(), body });
export const editNoteSchema = z.object({ noteId: z.string().min(1).max(64), version: z.number().int().positive(), body });
export const deleteNoteSchema = z.object({ noteId: z.string().min(1).max(64), version: z.number().int().positive() });
