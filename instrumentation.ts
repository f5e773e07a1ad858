// Runs once when the server starts, before it answers a request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressHook } = await import("./lib/security/peer-address-hook");
    installPeerAddressHook();
  }
}
