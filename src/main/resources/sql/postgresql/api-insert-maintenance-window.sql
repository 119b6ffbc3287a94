-- A maintenance window or silence made through the API (validated before).
INSERT INTO monitoring.MaintenanceWindows (WindowId, Kind, Environment, ConnectionId, QueryId, RowKey, StartsAt, EndsAt, Cron,
       DurationMinutes, TimeZone, Reason, CreatedBy)
VALUES (:#WindowId, :#Kind, :#Environment, :#ConnectionId, :#QueryId, :#RowKey, :#StartsAt, :#EndsAt, :#Cron, :#DurationMinutes,
        :#TimeZone, :#Reason, :#UserName)
