-- AlterTable
ALTER TABLE "Credential" ADD COLUMN     "disabledBy" TEXT;

-- Who disabled a credential before this column existed is not recorded; treat it as an admin's
-- decision, so only an admin can turn it on again (the owner may still delete it or make a new one).
UPDATE "Credential" SET "disabledBy" = 'admin' WHERE "enabled" = false;
