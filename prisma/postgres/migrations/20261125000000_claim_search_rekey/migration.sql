-- The SQLite migration 20261125000000_claim_search_rekey keeps a claim's search key when its
-- id is rewritten. On PostgreSQL "ClaimSearch"."claimId" references "Claim" ON UPDATE CASCADE
-- (20261124000000_claim_search), so a rewritten id is followed already: nothing to do.
SELECT 1;
