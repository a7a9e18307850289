-- CreateTable
CREATE TABLE "SignInTally" (
    "hour" TIMESTAMP(3) NOT NULL,
    "method" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SignInTally_pkey" PRIMARY KEY ("hour","method","result")
);

