-- Issue 21: a bylaws version's contract template in Dutch and French beside the English one
-- (bylaws/<version>/contract-template.nl.md and .fr.md); empty: contracts in that language use the English text.
ALTER TABLE bylaws_version ADD COLUMN contract_template_md_nl VARCHAR(200000);
ALTER TABLE bylaws_version ADD COLUMN contract_template_md_fr VARCHAR(200000);
