import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "../env";
import type { Db } from "./client";

const AUTH_SECRET_KEY = "auth.secret";

/**
 * The secret that signs session tokens: NEXTAUTH_SECRET when set, otherwise one generated
 * on first use and kept in the database, so a fresh install needs no configuration and
 * no secret ever ships with the code.
 */
export async function loadAuthSecret(db: Db): Promise<string> {
  const fromEnv = env().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const candidate = randomBytes(32).toString("base64url");
  // Insert-if-absent, then read: concurrent first requests agree on one secret.
  await db.setting.upsert({
    where: { key: AUTH_SECRET_KEY },
    create: { key: AUTH_SECRET_KEY, value: candidate },
    update: {},
  });
  const stored = await db.setting.findUniqueOrThrow({ where: { key: AUTH_SECRET_KEY } });
  return stored.value;
}
