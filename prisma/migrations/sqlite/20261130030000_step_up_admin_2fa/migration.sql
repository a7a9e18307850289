-- AlterTable
ALTER TABLE "Session" ADD COLUMN "verifiedAt" DATETIME;

-- Administrators need a second factor by default on new installations. An installation that
-- already has accounts keeps its behaviour until an admin switches the setting on.
INSERT INTO "Setting" ("key", "value")
SELECT 'twoFactor.requireAdmins', 'false'
WHERE EXISTS (SELECT 1 FROM "User") AND NOT EXISTS (SELECT 1 FROM "Setting" WHERE "key" = 'twoFactor.requireAdmins');
