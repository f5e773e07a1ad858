/**
 * The Content-Security-Policy of every page. Scripts run only with this request's nonce
 * (Next.js puts it on its own scripts when it finds the policy on the request), so no
 * inline script an attacker manages to inject can execute. Styles allow inline
 * attributes: highlight colours are CSS custom properties set per element.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
