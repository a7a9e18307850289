-- CreateTable
CREATE TABLE "AuthLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "permanent" BOOLEAN NOT NULL DEFAULT false,
    "allowedIpRanges" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdByEmail" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "usedAt" DATETIME,
    "usedIp" TEXT,
    "useCount" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" DATETIME,
    CONSTRAINT "AuthLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
-- A constant default lets SQLite add the column in place; Prisma's differ would copy the table.
ALTER TABLE "Domain" ADD COLUMN "authLinkHours" INTEGER NOT NULL DEFAULT 12;

-- CreateIndex
CREATE UNIQUE INDEX "AuthLink_tokenHash_key" ON "AuthLink"("tokenHash");

-- CreateIndex
CREATE INDEX "AuthLink_userId_createdAt_idx" ON "AuthLink"("userId", "createdAt");

