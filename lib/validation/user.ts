import { z } from "zod";
import { isWellFormedText, WELL_FORMED_MESSAGE } from "./unicode";

export const ROLES = ["admin", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const MIN_PASSWORD_LENGTH = 10;
// bcrypt only reads the first 72 bytes; a longer password would be silently truncated.
export const MAX_PASSWORD_BYTES = 72;

export const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const roleSchema = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}.` });

export const passwordSchema = z
  .string({ error: "Password is required." })
  .min(MIN_PASSWORD_LENGTH, { error: `Password must be at least ${MIN_PASSWORD_LENGTH} characters.` })
  .refine((p) => new TextEncoder().encode(p).length <= MAX_PASSWORD_BYTES, {
    error: `Password must be at most ${MAX_PASSWORD_BYTES} bytes.`,
  });

export const nameSchema = z
  .string()
  .trim()
  .min(1, { error: "Name is required." })
  .max(100, { error: "Name must be at most 100 characters." })
  .refine(isWellFormedText, { error: `Name ${WELL_FORMED_MESSAGE}` });

export const newUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type NewUser = z.infer<typeof newUserSchema>;

/** What the sign-in form sends; deliberately loose so any mistake reads as "wrong email or password". */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).refine(isWellFormedText),
  password: z.string().max(1024).refine(isWellFormedText),
});
