-- Sessions and sign-in tickets were cleaned up by application code; a row it missed (its credential
-- or user is gone) has ended anyway, and would break the new foreign keys.
DELETE FROM "Session" WHERE "credentialId" IS NOT NULL AND "credentialId" NOT IN (SELECT "id" FROM "Credential");
DELETE FROM "PendingLogin" WHERE "userId" NOT IN (SELECT "id" FROM "User");
DELETE FROM "PendingLogin" WHERE "credentialId" IS NOT NULL AND "credentialId" NOT IN (SELECT "id" FROM "Credential");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "authMethod" TEXT NOT NULL DEFAULT 'password',
    "credentialId" TEXT,
    "ip" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Session_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("authMethod", "createdAt", "credentialId", "expiresAt", "id", "ip", "lastSeenAt", "userAgent", "userId") SELECT "authMethod", "createdAt", "credentialId", "expiresAt", "id", "ip", "lastSeenAt", "userAgent", "userId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");
CREATE INDEX "Session_credentialId_idx" ON "Session"("credentialId");
CREATE TABLE "new_PendingLogin" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "authMethod" TEXT NOT NULL DEFAULT 'password',
    "credentialId" TEXT,
    "ip" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "PendingLogin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PendingLogin_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PendingLogin" ("attempts", "authMethod", "createdAt", "credentialId", "expiresAt", "id", "ip", "stage", "userAgent", "userId") SELECT "attempts", "authMethod", "createdAt", "credentialId", "expiresAt", "id", "ip", "stage", "userAgent", "userId" FROM "PendingLogin";
DROP TABLE "PendingLogin";
ALTER TABLE "new_PendingLogin" RENAME TO "PendingLogin";
CREATE INDEX "PendingLogin_expiresAt_idx" ON "PendingLogin"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

