-- An accelerator pilot's implementation carried the English sentence "Piloted through the Smart City Accelerator" as
-- its summary, shown as such to Dutch and French readers; the page's heading already says it in their language.
UPDATE market_implementation SET summary = NULL WHERE summary = 'Piloted through the Smart City Accelerator';
