-- A claim whose id is rewritten (a tool or script; the app never does it) keeps its search
-- key, so the FTS index goes on pointing at it. The claim_search triggers look claims up by
-- id, so without this the rewritten claim would drop out of every search.
CREATE TRIGGER "ClaimSearch_claim_rekey" AFTER UPDATE OF "id" ON "Claim"
WHEN OLD."id" IS NOT NEW."id"
BEGIN
    UPDATE "ClaimSearchKey" SET "claimId" = NEW."id" WHERE "claimId" = OLD."id";
    -- Other triggers of this update may have run before the key moved: index the claim again.
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT "key" FROM "ClaimSearchKey" WHERE "claimId" = NEW."id");
    INSERT INTO "ClaimSearch"(rowid, "exact", "statement", "notes", "tags", "title", "facets")
        SELECT "key", "exact", "statement", "notes", "tags", "title", "facets" FROM "ClaimSearchSource" WHERE "claimId" = NEW."id";
END;
