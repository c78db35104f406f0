-- Why the city stopped a pilot early: the company sees it next to its application.
ALTER TABLE pilot ADD COLUMN stop_reason VARCHAR(2000);
