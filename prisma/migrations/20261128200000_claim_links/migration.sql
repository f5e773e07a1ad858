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


-- Search filters linked:yes|no and flag:<kind> (lib/search): facet tokens added to the search
-- index's source view, and triggers that re-index a link's claims when the link, its members
-- or its flags change. SQLite has no CREATE OR REPLACE VIEW; the triggers of the claim_search
-- migration name the view and pick up the new one.
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
    -- A curator's verdict (20261128100000_team_review): f<hex final tag slug> per final tag, and adjudicated.
    || coalesce((SELECT group_concat(' ' || char(57344) || 'f' || lower(hex(t."slug")), '') FROM "FinalTag" f
                 JOIN "Tag" t ON t."id" = f."tagId" WHERE f."claimId" = c."id"), '')
    || CASE WHEN EXISTS (SELECT 1 FROM "Adjudication" WHERE "claimId" = c."id") THEN ' ' || char(57344) || 'adjudicated' ELSE '' END
    -- Reviewers disagree when one applied a tag another reviewer of the claim did not.
    || CASE WHEN EXISTS (SELECT 1 FROM "ClaimTag" a JOIN "ClaimTag" b ON b."claimId" = a."claimId" AND b."reviewerId" <> a."reviewerId"
                         WHERE a."claimId" = c."id"
                           AND NOT EXISTS (SELECT 1 FROM "ClaimTag" x WHERE x."claimId" = c."id" AND x."reviewerId" = b."reviewerId" AND x."tagId" = a."tagId"))
            THEN ' ' || char(57344) || 'disagree' ELSE '' END
    -- Claims across documents: linked (in a link not rejected) and flag<kind> (an open flag on such a link).
    || CASE WHEN EXISTS (SELECT 1 FROM "ClaimLinkMember" m JOIN "ClaimLink" l ON l."id" = m."linkId"
                         WHERE m."claimId" = c."id" AND l."state" <> 'rejected')
            THEN ' ' || char(57344) || 'linked' ELSE '' END
    || coalesce((SELECT group_concat(' ' || char(57344) || 'flag' || f."kind", '') FROM (
                   SELECT DISTINCT f."kind" FROM "LinkFlag" f JOIN "ClaimLink" l ON l."id" = f."linkId"
                   JOIN "ClaimLinkMember" m ON m."linkId" = l."id"
                   WHERE m."claimId" = c."id" AND l."state" <> 'rejected' AND f."dismissedAt" IS NULL) f), '') AS "facets"
FROM "Claim" c
JOIN "ClaimSearchKey" k ON k."claimId" = c."id"
JOIN "Document" d ON d."id" = c."documentId"
WHERE c."deletedAt" IS NULL;

CREATE TRIGGER "ClaimSearch_link_member_insert" AFTER INSERT ON "ClaimLinkMember"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = NEW."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimSearch_link_member_delete" AFTER DELETE ON "ClaimLinkMember"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = OLD."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = OLD."claimId";
END;

CREATE TRIGGER "ClaimSearch_link_state" AFTER UPDATE ON "ClaimLink"
WHEN OLD."state" IS NOT NEW."state"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT k."key" FROM "ClaimSearchKey" k JOIN "ClaimLinkMember" m ON m."claimId" = k."claimId" WHERE m."linkId" = NEW."id");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource"
        WHERE "claimId" IN (SELECT "claimId" FROM "ClaimLinkMember" WHERE "linkId" = NEW."id");
END;

CREATE TRIGGER "ClaimSearch_link_flag_insert" AFTER INSERT ON "LinkFlag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT k."key" FROM "ClaimSearchKey" k JOIN "ClaimLinkMember" m ON m."claimId" = k."claimId" WHERE m."linkId" = NEW."linkId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource"
        WHERE "claimId" IN (SELECT "claimId" FROM "ClaimLinkMember" WHERE "linkId" = NEW."linkId");
END;

CREATE TRIGGER "ClaimSearch_link_flag_update" AFTER UPDATE ON "LinkFlag"
WHEN OLD."dismissedAt" IS NOT NEW."dismissedAt" OR OLD."kind" IS NOT NEW."kind"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT k."key" FROM "ClaimSearchKey" k JOIN "ClaimLinkMember" m ON m."claimId" = k."claimId" WHERE m."linkId" = NEW."linkId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource"
        WHERE "claimId" IN (SELECT "claimId" FROM "ClaimLinkMember" WHERE "linkId" = NEW."linkId");
END;

CREATE TRIGGER "ClaimSearch_link_flag_delete" AFTER DELETE ON "LinkFlag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT k."key" FROM "ClaimSearchKey" k JOIN "ClaimLinkMember" m ON m."claimId" = k."claimId" WHERE m."linkId" = OLD."linkId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource"
        WHERE "claimId" IN (SELECT "claimId" FROM "ClaimLinkMember" WHERE "linkId" = OLD."linkId");
END;
