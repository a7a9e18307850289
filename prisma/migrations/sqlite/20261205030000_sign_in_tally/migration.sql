-- CreateTable
CREATE TABLE "SignInTally" (
    "hour" DATETIME NOT NULL,
    "method" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("hour", "method", "result")
);

