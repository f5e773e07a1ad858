import "server-only";
import http from "node:http";
import { ARRIVED_FORWARDED_FOR_HEADER, PEER_ADDRESS_HEADER } from "../auth/client-address";

const INSTALLED = Symbol.for("claimbook.peerAddressHook");

/**
 * Next.js gives route handlers the request's headers but not its socket, and fills in
 * `X-Forwarded-For` only when the client sent none — so a client can name any address it
 * likes. This hook runs before Next.js sees a request and records, in headers no client can
 * set (they are overwritten), the socket's peer address and the `X-Forwarded-For` the request
 * really arrived with. Installed once per process from instrumentation.ts.
 */
export function installPeerAddressHook(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const forwarded = request.headers["x-forwarded-for"];
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
      request.headers[ARRIVED_FORWARDED_FOR_HEADER] = Array.isArray(forwarded)
        ? forwarded.join(",")
        : (forwarded ?? "");
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
