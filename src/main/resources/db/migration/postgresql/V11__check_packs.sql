-- Ready-made checks (check packs) and version-aware SQL. SqlVariants: a JSON list of {"minVersion", "maxVersion",
-- "sql"}; a run takes the first whose versions hold the server's (read once per connection), else SqlQuery.
-- CheckPack names the pack a query was installed from, CheckPackHash what it was installed as: a query changed
-- since is never overwritten by installing the pack again.
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS SqlVariants TEXT;
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS CheckPack VARCHAR(50);
ALTER TABLE monitoring.DatabaseQueries ADD COLUMN IF NOT EXISTS CheckPackHash VARCHAR(64);
