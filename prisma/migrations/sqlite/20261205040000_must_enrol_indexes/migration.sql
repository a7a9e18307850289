-- The dashboard's "must add a second factor" count reads admins, accounts required one by one and
-- accounts of requiring domains as three sets, each through its own index. The domain index gains
-- status (it still serves every lookup by domain); it is made before the old one goes.

-- CreateIndex
CREATE INDEX "User_domainId_status_idx" ON "User"("domainId", "status");

-- CreateIndex
CREATE INDEX "User_require2fa_status_idx" ON "User"("require2fa", "status");

-- CreateIndex
CREATE INDEX "User_role_status_idx" ON "User"("role", "status");

-- DropIndex
DROP INDEX "User_domainId_idx";
