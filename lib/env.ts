import { z } from "zod";
import { describeFirstIssue } from "./validation/first-issue";

// No `import "server-only"`: prisma.config.ts reaches this module (through lib/db/database-url)
// in Prisma's CLI, outside any bundler. It holds no secret of its own; it only reads the environment.

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** Every setting the app reads from the environment, checked once (README, "Configuration"). */
const envSchema = z.object({
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^(file:|postgres:\/\/|postgresql:\/\/)/, "must be a SQLite file URL (file:…) or a PostgreSQL URL"),
  ),
  NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)")),
  CLAIMBOOK_BASE_URL: optional(
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://claims.example.org" })
      .refine((u) => !/[?#]/.test(u), "must not carry a query or fragment: it is the base of the export's IRIs"),
  ),
  CLAIMBOOK_TRUSTED_PROXIES: optional(
    z.string().regex(/^(10|[0-9])$/, "must be a whole number from 0 to 10: the reverse proxies in front of the app"),
  ),
  // Live updates (lib/live/hub.ts): open event streams allowed per account and per app server.
  CLAIMBOOK_LIVE_MAX_STREAMS_PER_USER: optional(
    z.string().regex(/^[1-9][0-9]{0,2}$/, "must be a whole number from 1 to 999"),
  ),
  // "hidden": accounts with the viewer role are not listed in presence (they still see who is there).
  CLAIMBOOK_LIVE_PRESENCE_OF_VIEWERS: optional(z.enum(["shown", "hidden"], { error: "must be shown or hidden" })),
  CLAIMBOOK_LIVE_MAX_STREAMS: optional(z.string().regex(/^[1-9][0-9]{0,4}$/, "must be a whole number from 1 to 99999")),
});

export type Env = z.infer<typeof envSchema>;

/** A setting that cannot work, named with the fix, so the app refuses to start instead of failing later. */
export class EnvError extends Error {}

let checked: Env | undefined;

/** The validated environment; throws EnvError naming the first bad variable. */
export function env(source: Record<string, string | undefined> = process.env): Env {
  if (source === process.env && checked) return checked;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new EnvError(`Invalid environment: ${describeFirstIssue(parsed.error)}`);
  if (source === process.env) checked = parsed.data;
  return parsed.data;
}
