-- H2 keeps a word table for the catalogue search here (db/vendor/h2); PostgreSQL finds word prefixes with the GIN
-- index of V150. This file keeps the version numbers of both vendors equal.
SELECT 1;
