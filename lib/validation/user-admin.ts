import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema, roleSchema } from "./user";

/** An admin creating an account; without a password, a strong one is generated and shown once. */
export const adminCreateUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: z.union([z.literal(""), passwordSchema]).optional(),
});

export const updateUserAccessSchema = z
  .object({ userId: z.string().min(1).max(64), role: roleSchema.optional(), active: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.active !== undefined, { error: "Nothing to change." });
