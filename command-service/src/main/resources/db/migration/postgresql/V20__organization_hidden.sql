-- "Hide us now": a hidden organization's endorsements can only be counted, never public (issue 20).
ALTER TABLE organization_registry ADD COLUMN hidden BOOLEAN DEFAULT FALSE NOT NULL;
