-- PostgreSQL adds a prefix index for the catalogue search here (db/vendor/postgresql); H2 has no
-- inverted index. This file keeps the version numbers of both vendors equal.
SELECT 1;
