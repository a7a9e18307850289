-- Audit viewer (issue 13): AuditEvent.actionGroup, filled for every existing row with the rule of
-- lib/audit/action-group.ts, and an index per viewer filter ending in the keyset order (createdAt, id).
-- Every row stays.

-- DropIndex
DROP INDEX "AuditEvent_createdAt_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "actionGroup" TEXT NOT NULL DEFAULT '';

-- Backfill: the part of the action before the first dot; the second-factor areas are "2fa",
-- the person's own account actions "user".
UPDATE "AuditEvent" SET "actionGroup" = split_part("action", '.', 1);
UPDATE "AuditEvent" SET "actionGroup" = '2fa' WHERE "actionGroup" IN ('totp', 'recovery_codes', 'trusted_device');
UPDATE "AuditEvent" SET "actionGroup" = 'user' WHERE "actionGroup" = 'account';

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actionGroup_createdAt_id_idx" ON "AuditEvent"("actionGroup", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_result_createdAt_id_idx" ON "AuditEvent"("result", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorEmail_createdAt_id_idx" ON "AuditEvent"("actorEmail", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectEmail_createdAt_id_idx" ON "AuditEvent"("subjectEmail", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_ip_createdAt_id_idx" ON "AuditEvent"("ip", "createdAt", "id");
