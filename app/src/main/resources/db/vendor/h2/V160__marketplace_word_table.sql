-- Catalogue search on H2 without a LIKE scan of every solution (issue 19 point 5). H2 has no inverted index that
-- finds word prefixes, so the words of each solution's search_text are kept in a table of their own, one row per
-- distinct word (split as CatalogueSearch.words does, cut to 64 characters), and a query word is a range scan of its
-- primary key (word >= 'park' AND word < 'park' || U+FFFF). A Java trigger keeps it equal to the catalogue on every
-- insert and update, whoever writes; a delete cascades. See the search section of docs/performance.md.
CREATE TABLE market_solution_word (
    word         VARCHAR(64) NOT NULL,
    solution_id  UUID        NOT NULL REFERENCES market_solution (id) ON DELETE CASCADE,
    PRIMARY KEY (word, solution_id)
);
CREATE INDEX market_solution_word_solution ON market_solution_word (solution_id);
CREATE TRIGGER market_solution_words AFTER INSERT, UPDATE ON market_solution FOR EACH ROW
    CALL 'eu.smartcity.accelerator.marketplace.catalogue.SolutionWordsTrigger';
-- the solutions already there: an update that changes nothing still fires the trigger, which then writes their words
UPDATE market_solution SET search_text = search_text;
