// Next.js calls register() once when a server starts: a bad setting stops it here, with the
// variable named, instead of failing on the first request that needs it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
}
