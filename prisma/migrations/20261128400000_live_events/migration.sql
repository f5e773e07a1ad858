-- Live collaboration (lib/live): the ordered outbox of changes pushed to open pages.
CREATE TABLE "LiveEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "auditId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "claimId" TEXT,
    "version" INTEGER,
    "actorId" TEXT
);

CREATE INDEX "LiveEvent_documentId_seq_idx" ON "LiveEvent"("documentId", "seq");
