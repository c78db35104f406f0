-- H2 has no tsvector: the catalogue is searched with LIKE over the lower-cased search_text column
-- (see MarketplaceSearch). Nothing to add; this file keeps the version numbers of both vendors equal.
SELECT 1;
