-- CreateTable
CREATE TABLE "SamlConfig" (
    "domainId" TEXT NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "spPrivateKeyEnc" TEXT,
    "metadataUrl" TEXT,
    "allowUnsecure" BOOLEAN NOT NULL DEFAULT false,
    "lastRefreshAt" TIMESTAMP(3),
    "lastRefreshError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamlConfig_pkey" PRIMARY KEY ("domainId")
);

-- AddForeignKey
ALTER TABLE "SamlConfig" ADD CONSTRAINT "SamlConfig_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

