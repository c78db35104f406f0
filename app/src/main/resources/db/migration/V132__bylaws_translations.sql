-- Issue 21: a bylaws version's readable text in Dutch and French beside the English one
-- (bylaws/<version>/bylaws.nl.md and .fr.md); empty: readers in that language get the English text, told so.
ALTER TABLE bylaws_version ADD COLUMN bylaws_md_nl VARCHAR(200000);
ALTER TABLE bylaws_version ADD COLUMN bylaws_md_fr VARCHAR(200000);
