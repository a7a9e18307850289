-- AlterTable
ALTER TABLE "Domain" ADD COLUMN "defaultLocale" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
ALTER TABLE "User" ADD COLUMN "theme" TEXT;

