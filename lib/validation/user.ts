import { z } from "zod";
import { isWellFormedText, WELL_FORMED_MESSAGE } from "./unicode";

// Strongest first: admin ⊇ curator ⊇ reviewer ⊇ viewer (lib/auth/current-user.ts hasRole).
export const ROLES = ["admin", "curator", "reviewer", "viewer"] as const;
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

// Bidirectional controls reorder the text around a name (a name ending in U+202E turns
// what follows it backwards), so a name shown in the audit log or an export could lie.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// A letter, digit, punctuation mark or symbol: a name of only spaces, zero-width or
// combining characters looks like no name at all.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export const nameSchema = z
  .string()
  .refine(isWellFormedText, { error: `Name ${WELL_FORMED_MESSAGE}` })
  // NFC, so "José" typed two ways is one name; trim() also drops Unicode spaces.
  .transform((name) => name.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .min(1, { error: "Name is required." })
      .max(100, { error: "Name must be at most 100 characters." })
      .refine((name) => !BIDI_CONTROLS.test(name), {
        error: "Name must not contain text-direction control characters.",
      })
      .refine((name) => VISIBLE.test(name), { error: "Name must contain a visible letter, digit or sign." }),
  );

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
