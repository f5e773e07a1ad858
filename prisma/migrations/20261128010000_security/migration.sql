-- Sign-in limits: rate-limiter-flexible's Prisma store (lib/auth/sign-in-limiter.ts).
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- Session revocation (lib/auth/session-version.ts). Added in place rather than by Prisma's
-- table rebuild: rebuilding "User" would drop the search index's triggers on it.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 1;
