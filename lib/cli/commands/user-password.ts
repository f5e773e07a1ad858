import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { hashPassword } from "../../auth/password";
import type { Db } from "../../db/client";
import { findUserForSignIn, replacePassword } from "../../db/users";
import { describeFirstIssue } from "../../validation/first-issue";
import { emailSchema, passwordSchema } from "../../validation/user";
import { type CliIo, println } from "../io";
import { UsageError } from "../usage";

const userPasswordSchema = z.object({ email: emailSchema, password: passwordSchema });

/**
 * `user password --email E [--password P]`: the operator's way back in when the last admin
 * has forgotten their password. Sets a new password (generated and shown once unless given)
 * and ends the account's sessions.
 */
export async function runUserPassword(db: Db, args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, password: { type: "string" } },
    strict: true,
  });
  const generated = values.password === undefined;
  const password = values.password ?? randomBytes(15).toString("base64url");
  const parsed = userPasswordSchema.safeParse({ email: values.email, password });
  if (!parsed.success) throw new UsageError(describeFirstIssue(parsed.error, (f) => `--${f}`));
  const user = await findUserForSignIn(db, parsed.data.email);
  if (!user) throw new UsageError(`--email: no account has the email ${parsed.data.email}`);
  const passwordHash = await hashPassword(parsed.data.password);
  await replacePassword(db, null, { userId: user.id, passwordHash, how: "reset" });
  println(io.stdout, `new password set for ${user.email}; their sessions have ended`);
  if (generated) println(io.stdout, `password (shown once): ${password}`);
}
