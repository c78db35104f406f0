-- Issue 21: the language the city chose for a challenge's contract (en, nl or fr); empty: the first of the
-- challenge's languages that documents are written in, else English (Challenges.contractLanguage).
ALTER TABLE challenge ADD COLUMN contract_language VARCHAR(2);
