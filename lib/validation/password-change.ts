import { z } from "zod";
import { isWellFormedText } from "./unicode";
import { MAX_PASSWORD_BYTES, passwordSchema } from "./user";

// The current password is only compared, never stored: it is bounded (bcrypt reads 72 bytes,
// a longer string cannot be anyone's password) but otherwise taken as typed, so a password
// set before a policy change can still be replaced.
const currentPasswordSchema = z
  .string({ error: "Enter your current password." })
  .min(1, { error: "Enter your current password." })
  .max(MAX_PASSWORD_BYTES * 4, { error: "That is not your current password." })
  .refine(isWellFormedText, { error: "That is not your current password." });

/** A signed-in user replacing their own password (the /account form). */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: currentPasswordSchema,
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "Type the new password again." }),
  })
  .refine((v) => v.confirmPassword === v.newPassword, {
    error: "The two new passwords differ.",
    path: ["confirmPassword"],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    error: "The new password must differ from the current one.",
    path: ["newPassword"],
  });
export type ChangeOwnPassword = z.infer<typeof changeOwnPasswordSchema>;

/** An admin giving an account a new, generated password (for a user who forgot theirs). */
export const resetPasswordSchema = z.object({ userId: z.string().min(1).max(64) });
