// Next.js calls register() once when a server starts, before it answers a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad setting stops the server here, with the variable named, instead of failing on the
  // first request that needs it.
  const { env } = await import("./lib/env");
  env();
  // The socket's peer address, recorded where no client can forge it (sign-in limits).
  const { installPeerAddressHook } = await import("./lib/security/peer-address-hook");
  installPeerAddressHook();
}
