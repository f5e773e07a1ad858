import { type NextRequest, NextResponse } from "next/server";
import { refuseHostileAction } from "./lib/security/action-request-guard";
import { contentSecurityPolicy } from "./lib/security/content-security-policy";

// Next.js 16's request proxy (formerly middleware): it adds a fresh CSP nonce to each page
// request and refuses hostile server-action calls before Next.js decodes them. Access checks
// happen in each page, action and route handler, not here.
export async function proxy(request: NextRequest) {
  const refusal = await refuseHostileAction(request);
  if (refusal) return NextResponse.json({ ok: false, error: refusal.error }, { status: refusal.status });
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: static assets and API responses carry no inline scripts.
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)" }],
};
