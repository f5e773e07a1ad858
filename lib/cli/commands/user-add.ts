import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type { Db } from "../../db/client";
import { createUser } from "../../db/users";
import { describeFirstIssue } from "../../validation/first-issue";
import { newUserSchema } from "../../validation/user";
import { type CliIo, println } from "../io";
import { UsageError } from "../usage";

export async function runUserAdd(db: Db, args: string[], io: CliIo): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
    },
    strict: true,
  });
  const generated = values.password === undefined;
  const password = values.password ?? randomBytes(15).toString("base64url");
  const parsed = newUserSchema.safeParse({
    email: values.email,
    role: values.role,
    name: values.name ?? values.email?.split("@")[0],
    password,
  });
  if (!parsed.success) throw new UsageError(describeFirstIssue(parsed.error, (f) => `--${f}`));
  const user = await createUser(db, parsed.data, null);
  println(io.stdout, `created ${user.role} ${user.email}`);
  if (generated) println(io.stdout, `password (shown once): ${password}`);
}
