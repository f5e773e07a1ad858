-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "relation" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'suggested',
    "origin" TEXT NOT NULL,
    "detectorKey" TEXT,
    "score" REAL,
    "reason" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ClaimLinkMember" (
    "linkId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "figure" TEXT,

    PRIMARY KEY ("linkId", "claimId"),
    CONSTRAINT "ClaimLinkMember_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ClaimLink" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClaimLinkMember_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkFlag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "dismissedAt" DATETIME,
    "dismissedById" TEXT,
    "dismissReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkFlag_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ClaimLink" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_detectorKey_key" ON "ClaimLink"("detectorKey");

-- CreateIndex
CREATE INDEX "ClaimLink_state_idx" ON "ClaimLink"("state");

-- CreateIndex
CREATE INDEX "ClaimLinkMember_claimId_idx" ON "ClaimLinkMember"("claimId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkFlag_linkId_kind_key" ON "LinkFlag"("linkId", "kind");

