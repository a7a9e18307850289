-- The users list (newest first) and the dashboard's accounts by status, read from indexes at 100,000 users (issue 13, npm run bench:admin).

-- CreateIndex
CREATE INDEX "User_createdAt_email_idx" ON "User"("createdAt" DESC, "email");

-- CreateIndex
CREATE INDEX "User_status_idx" ON "User"("status");

