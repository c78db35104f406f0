-- PostgreSQL splits the catalogue into hash partitions here (db/vendor/postgresql); H2 has no partitions and finds
-- words through its word table (V160). This file keeps the version numbers of both vendors equal.
SELECT 1;
