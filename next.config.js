// next-intl finds its per-request configuration in i18n/request.ts (no locale path prefixes).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS, as Next.js loads it
const withNextIntl = require("next-intl/plugin")("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // proxy.ts runs before pages and server actions; Next.js buffers a request body for it up to
  // this size (server actions accept 1 MB by default). JSON routes are outside the proxy.
  experimental: { proxyClientMaxBodySize: "1mb" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // Pages get a nonce-based policy from proxy.ts; routes answer JSON (or next-auth's
        // redirects) and need nothing loaded at all.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'" }],
      },
    ];
  },
};
module.exports = withNextIntl(nextConfig);
