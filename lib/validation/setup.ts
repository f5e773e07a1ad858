import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "./user";

export const firstAdminSchema = z
  .object({ name: nameSchema, email: emailSchema, password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { error: "The two passwords differ.", path: ["confirm"] });
