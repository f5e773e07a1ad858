// next-auth 4 takes its base URL from the request's Host header only when this is set;
// the app is served on whatever host and port the reviewer chooses.
process.env.AUTH_TRUST_HOST ??= "true";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and adapter packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pdfkit"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
