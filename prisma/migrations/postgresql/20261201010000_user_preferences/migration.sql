-- AlterTable
ALTER TABLE "Domain" ADD COLUMN     "defaultLocale" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT,
ADD COLUMN     "theme" TEXT;

