-- Team review (issue 14): assignments, and a curator's verdict on a claim with its final tags.
-- Independent review, a per-document setting (on by default). Added in place: Prisma would
-- rebuild "Document", which drops the search index's triggers on it.
ALTER TABLE "Document" ADD COLUMN "independentReview" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Assignment" (
    "documentId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "assignedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" DATETIME,

    PRIMARY KEY ("documentId", "reviewerId"),
    CONSTRAINT "Assignment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Adjudication" (
    "claimId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "curatorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Adjudication_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Adjudication_curatorId_fkey" FOREIGN KEY ("curatorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FinalTag" (
    "claimId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    PRIMARY KEY ("claimId", "tagId"),
    CONSTRAINT "FinalTag_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Adjudication" ("claimId") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FinalTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Assignment_reviewerId_idx" ON "Assignment"("reviewerId");

-- CreateIndex
CREATE INDEX "FinalTag_tagId_idx" ON "FinalTag"("tagId");


-- Search (lib/search): final:<tag> and adjudicated:yes|no filter on a curator's verdict. The
-- view gains two facets (f<hex slug> per final tag, adjudicated); triggers on the verdict's
-- tables re-index the claim. No claim has a verdict yet, so the index needs no rebuild.
DROP VIEW "ClaimSearchSource";
CREATE VIEW "ClaimSearchSource" AS
SELECT
    k."key" AS "key",
    c."id" AS "claimId",
    c."documentId" AS "documentId",
    replace(c."exact", char(57344), ' ') AS "exact",
    replace(coalesce(c."statement", ''), char(57344), ' ') AS "statement",
    replace(coalesce((SELECT group_concat(n."body", char(10)) FROM "Note" n WHERE n."claimId" = c."id" AND n."deletedAt" IS NULL), ''), char(57344), ' ') AS "notes",
    replace(coalesce((SELECT group_concat(t."slug" || CASE WHEN t."label" <> t."slug" THEN ' ' || t."label" ELSE '' END, ' ') FROM "Tag" t
              WHERE t."id" IN (SELECT "tagId" FROM "SuggestedTag" WHERE "claimId" = c."id"
                               UNION SELECT "tagId" FROM "ClaimTag" WHERE "claimId" = c."id")), ''), char(57344), ' ') AS "tags",
    replace(d."title", char(57344), ' ') AS "title",
    char(57344) || 'all ' || char(57344) || 'd' || lower(hex(d."slug")) || ' ' || char(57344) || 's' || lower(hex(c."status"))
    || coalesce((SELECT group_concat(' ' || char(57344) || 't' || lower(hex(t."slug")), '') FROM "Tag" t
                 WHERE t."id" IN (SELECT "tagId" FROM "SuggestedTag" WHERE "claimId" = c."id"
                                  UNION SELECT "tagId" FROM "ClaimTag" WHERE "claimId" = c."id")), '')
    || coalesce((SELECT group_concat(' ' || char(57344) || 'r' || lower(hex(u."email")), '') FROM "User" u
                 WHERE u."id" IN (SELECT "reviewerId" FROM "ClaimTag" WHERE "claimId" = c."id"
                                  UNION SELECT "authorId" FROM "Note" WHERE "claimId" = c."id" AND "deletedAt" IS NULL)), '')
    || CASE WHEN EXISTS (SELECT 1 FROM "Note" WHERE "claimId" = c."id" AND "deletedAt" IS NULL) THEN ' ' || char(57344) || 'hasnote' ELSE '' END
    -- A curator's verdict (this migration): f<hex final tag slug> per final tag, and adjudicated.
    || coalesce((SELECT group_concat(' ' || char(57344) || 'f' || lower(hex(t."slug")), '') FROM "FinalTag" f
                 JOIN "Tag" t ON t."id" = f."tagId" WHERE f."claimId" = c."id"), '')
    || CASE WHEN EXISTS (SELECT 1 FROM "Adjudication" WHERE "claimId" = c."id") THEN ' ' || char(57344) || 'adjudicated' ELSE '' END
    -- Reviewers disagree when one applied a tag another reviewer of the claim did not.
    || CASE WHEN EXISTS (SELECT 1 FROM "ClaimTag" a JOIN "ClaimTag" b ON b."claimId" = a."claimId" AND b."reviewerId" <> a."reviewerId"
                         WHERE a."claimId" = c."id"
                           AND NOT EXISTS (SELECT 1 FROM "ClaimTag" x WHERE x."claimId" = c."id" AND x."reviewerId" = b."reviewerId" AND x."tagId" = a."tagId"))
            THEN ' ' || char(57344) || 'disagree' ELSE '' END AS "facets"
FROM "Claim" c
JOIN "ClaimSearchKey" k ON k."claimId" = c."id"
JOIN "Document" d ON d."id" = c."documentId"
WHERE c."deletedAt" IS NULL;

CREATE TRIGGER "ClaimSearch_adjudication_insert" AFTER INSERT ON "Adjudication"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = NEW."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimSearch_adjudication_delete" AFTER DELETE ON "Adjudication"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = OLD."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = OLD."claimId";
END;

CREATE TRIGGER "ClaimSearch_final_tag_insert" AFTER INSERT ON "FinalTag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = NEW."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimSearch_final_tag_delete" AFTER DELETE ON "FinalTag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = OLD."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = OLD."claimId";
END;

-- A renamed tag changes the final:<slug> facet of the claims whose verdict uses it (the claim
-- search migration's own Tag trigger covers suggested and reviewers' tags only).
CREATE TRIGGER "ClaimSearch_tag_update_final" AFTER UPDATE ON "Tag"
WHEN OLD."slug" IS NOT NEW."slug"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" IN
        (SELECT "claimId" FROM "FinalTag" WHERE "tagId" = NEW."id"));
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" IN
        (SELECT "claimId" FROM "FinalTag" WHERE "tagId" = NEW."id");
END;
