-- CreateTable
CREATE TABLE "SamlConfig" (
    "domainId" TEXT NOT NULL PRIMARY KEY,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "spPrivateKeyEnc" TEXT,
    "metadataUrl" TEXT,
    "allowUnsecure" BOOLEAN NOT NULL DEFAULT false,
    "lastRefreshAt" DATETIME,
    "lastRefreshError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SamlConfig_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

