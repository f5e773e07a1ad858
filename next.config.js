// next-auth 4 takes its base URL from the request's Host header only when this is set;
// the app is served on whatever host and port the reviewer chooses.
process.env.AUTH_TRUST_HOST ??= "true";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and adapter packages stay outside the server bundle.
  // pdf.js loads its worker and fonts from node_modules at run time, so it stays outside too.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pdfkit",
    "pdfjs-dist",
    "mammoth",
    "linkedom",
    "@mozilla/readability",
    "wink-nlp",
    "wink-eng-lite-web-model",
  ],
  poweredByHeader: false,
  // Headers for every response; the per-request Content-Security-Policy (with its script
  // nonce) is added by proxy.ts, since a nonce cannot be static.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with status 403 for pages a role may not see.
  experimental: {
    authInterrupts: true,
    // Uploads (Add document) are up to 20 MB (lib/documents/limits.ts); both limits sit just
    // above that so the action itself refuses an oversized file with a message. The proxy
    // limit matters because proxy.ts runs on every page: past it Next silently truncates the
    // body it buffers (default 10 MB), which would corrupt a large upload.
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
  },
};

export default nextConfig;
