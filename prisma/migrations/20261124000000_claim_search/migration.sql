-- Full-text search of claims (lib/search/sqlite). Prisma's schema language cannot describe
-- FTS5, so the index lives here only; triggers keep it in step with every write, in the
-- same transaction, whoever makes the write (app, seed, CLI, another tool).

-- A stable integer per claim: the FTS rowid. Claim's own rowid may change on VACUUM (its
-- key is TEXT), and AUTOINCREMENT never reuses a key, so "key <= k" means "existed when
-- k was the newest", which keeps paginated results stable while claims are added.
CREATE TABLE "ClaimSearchKey" (
    "key" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ClaimSearchKey_claimId_key" ON "ClaimSearchKey"("claimId");

-- One row per live claim. Text columns are what people type words against; `facets` holds
-- filter tokens, so a filter is a doclist intersection inside FTS5 rather than a join per
-- row. Every facet token starts with U+E000 (a private-use character, which unicode61 keeps
-- inside tokens): the view removes that character from the text columns and the query
-- parser never emits it, so typed words and facet tokens can never meet, and queries need
-- no column filter (which would double the cost of bm25's statistics pass). Tokens:
-- all, d<hex slug>, s<hex status>, t<hex tag slug>, r<hex reviewer email>, hasnote, disagree;
-- hex-encoding makes any slug or email one token. No stemmer: porter stems the index but not
-- a typed prefix, so "deporta*" would miss "deportation".
CREATE VIRTUAL TABLE "ClaimSearch" USING fts5(
    "exact", "statement", "notes", "tags", "title", "facets",
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
);

-- What the index holds for each live claim; the triggers and a rebuild read it.
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
    -- Reviewers disagree when one applied a tag another reviewer of the claim did not.
    || CASE WHEN EXISTS (SELECT 1 FROM "ClaimTag" a JOIN "ClaimTag" b ON b."claimId" = a."claimId" AND b."reviewerId" <> a."reviewerId"
                         WHERE a."claimId" = c."id"
                           AND NOT EXISTS (SELECT 1 FROM "ClaimTag" x WHERE x."claimId" = c."id" AND x."reviewerId" = b."reviewerId" AND x."tagId" = a."tagId"))
            THEN ' ' || char(57344) || 'disagree' ELSE '' END AS "facets"
FROM "Claim" c
JOIN "ClaimSearchKey" k ON k."claimId" = c."id"
JOIN "Document" d ON d."id" = c."documentId"
WHERE c."deletedAt" IS NULL;

-- Index what is already stored.
INSERT INTO "ClaimSearchKey"("claimId") SELECT "id" FROM "Claim" ORDER BY "createdAt", "id";
INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
    SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource";

-- Claims
CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim"
BEGIN
    INSERT OR IGNORE INTO "ClaimSearchKey"("claimId") VALUES (NEW."id");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = NEW."id";
END;

CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE ON "Claim"
WHEN OLD."exact" IS NOT NEW."exact" OR OLD."statement" IS NOT NEW."statement" OR OLD."status" IS NOT NEW."status"
  OR OLD."deletedAt" IS NOT NEW."deletedAt" OR OLD."documentId" IS NOT NEW."documentId"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = NEW."id");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = NEW."id";
END;

CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = OLD."id");
    DELETE FROM "ClaimSearchKey" WHERE "claimId" = OLD."id";
END;

-- Notes
CREATE TRIGGER "ClaimSearch_note_insert" AFTER INSERT ON "Note"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = NEW."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimSearch_note_update" AFTER UPDATE ON "Note"
WHEN OLD."body" IS NOT NEW."body" OR OLD."deletedAt" IS NOT NEW."deletedAt" OR OLD."claimId" IS NOT NEW."claimId" OR OLD."authorId" IS NOT NEW."authorId"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" IN (OLD."claimId", NEW."claimId"));
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" IN (OLD."claimId", NEW."claimId");
END;

CREATE TRIGGER "ClaimSearch_note_delete" AFTER DELETE ON "Note"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = OLD."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = OLD."claimId";
END;

-- Curated (suggested) tags
CREATE TRIGGER "ClaimSearch_suggested_tag_insert" AFTER INSERT ON "SuggestedTag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = NEW."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimSearch_suggested_tag_update" AFTER UPDATE ON "SuggestedTag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" IN (OLD."claimId", NEW."claimId"));
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" IN (OLD."claimId", NEW."claimId");
END;

CREATE TRIGGER "ClaimSearch_suggested_tag_delete" AFTER DELETE ON "SuggestedTag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = OLD."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = OLD."claimId";
END;

-- Reviewers' tags
CREATE TRIGGER "ClaimSearch_claim_tag_insert" AFTER INSERT ON "ClaimTag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = NEW."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = NEW."claimId";
END;

CREATE TRIGGER "ClaimSearch_claim_tag_update" AFTER UPDATE ON "ClaimTag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" IN (OLD."claimId", NEW."claimId"));
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" IN (OLD."claimId", NEW."claimId");
END;

CREATE TRIGGER "ClaimSearch_claim_tag_delete" AFTER DELETE ON "ClaimTag"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = OLD."claimId");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = OLD."claimId";
END;

-- Renames that change what many claims hold (rare: an admin edits a tag, title or email).
CREATE TRIGGER "ClaimSearch_tag_update" AFTER UPDATE ON "Tag"
WHEN OLD."slug" IS NOT NEW."slug" OR OLD."label" IS NOT NEW."label"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" IN
        (SELECT "claimId" FROM "SuggestedTag" WHERE "tagId" = NEW."id" UNION SELECT "claimId" FROM "ClaimTag" WHERE "tagId" = NEW."id"));
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" IN
        (SELECT "claimId" FROM "SuggestedTag" WHERE "tagId" = NEW."id" UNION SELECT "claimId" FROM "ClaimTag" WHERE "tagId" = NEW."id");
END;

CREATE TRIGGER "ClaimSearch_document_update" AFTER UPDATE ON "Document"
WHEN OLD."title" IS NOT NEW."title" OR OLD."slug" IS NOT NEW."slug"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT k."key" FROM "ClaimSearchKey" k JOIN "Claim" c ON c."id" = k."claimId" WHERE c."documentId" = NEW."id");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "documentId" = NEW."id";
END;

CREATE TRIGGER "ClaimSearch_user_update" AFTER UPDATE ON "User"
WHEN OLD."email" IS NOT NEW."email"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" IN
        (SELECT "claimId" FROM "ClaimTag" WHERE "reviewerId" = NEW."id" UNION SELECT "claimId" FROM "Note" WHERE "authorId" = NEW."id"));
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" IN
        (SELECT "claimId" FROM "ClaimTag" WHERE "reviewerId" = NEW."id" UNION SELECT "claimId" FROM "Note" WHERE "authorId" = NEW."id");
END;
