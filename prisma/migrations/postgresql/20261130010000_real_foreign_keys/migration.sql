-- Sessions and sign-in tickets were cleaned up by application code; a row it missed (its credential
-- or user is gone) has ended anyway, and would break the new foreign keys.
DELETE FROM "Session" WHERE "credentialId" IS NOT NULL AND "credentialId" NOT IN (SELECT "id" FROM "Credential");
DELETE FROM "PendingLogin" WHERE "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "PendingLogin" WHERE "credentialId" IS NOT NULL AND "credentialId" NOT IN (SELECT "id" FROM "Credential");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingLogin" ADD CONSTRAINT "PendingLogin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingLogin" ADD CONSTRAINT "PendingLogin_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

