-- Ready-made checks (check packs) and version-aware SQL. SqlVariants: a JSON list of {"minVersion", "maxVersion",
-- "sql"}; a run takes the first whose versions hold the server's (read once per connection), else SqlQuery.
-- CheckPack names the pack a query was installed from, CheckPackHash what it was installed as: a query changed
-- since is never overwritten by installing the pack again.
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'SqlVariants') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD SqlVariants NVARCHAR(MAX) NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'CheckPack') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD CheckPack NVARCHAR(50) NULL;
IF COL_LENGTH(N'monitoring.DatabaseQueries', N'CheckPackHash') IS NULL ALTER TABLE monitoring.DatabaseQueries ADD CheckPackHash NVARCHAR(64) NULL;
