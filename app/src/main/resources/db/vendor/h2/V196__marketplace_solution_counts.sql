-- PostgreSQL keeps the catalogue's counts per domain and price model here (db/vendor/postgresql), so that browsing a
-- large catalogue does not count every solution; the H2 demo catalogue is small and counted directly. This file keeps
-- the version numbers of both vendors equal.
SELECT 1;
