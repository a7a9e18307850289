-- AlterTable
ALTER TABLE "PendingLogin" ADD COLUMN "saml" TEXT;

-- CreateTable
CREATE TABLE "SamlRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "domainId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "redirectUrl" TEXT NOT NULL DEFAULT '/',
    "browserHash" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "SamlRequest_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SamlAssertionUse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SamlSession" (
    "sessionId" TEXT NOT NULL PRIMARY KEY,
    "domainId" TEXT NOT NULL,
    "nameId" TEXT NOT NULL,
    "nameIdFormat" TEXT NOT NULL DEFAULT '',
    "sessionIndex" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "SamlSession_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SamlRequest_expiresAt_idx" ON "SamlRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "SamlRequest_domainId_idx" ON "SamlRequest"("domainId");

-- CreateIndex
CREATE INDEX "SamlAssertionUse_expiresAt_idx" ON "SamlAssertionUse"("expiresAt");

-- CreateIndex
CREATE INDEX "SamlSession_domainId_nameId_idx" ON "SamlSession"("domainId", "nameId");

