-- Ends a maintenance window or silence at once (a recurring one for good); its held changes are then handed over.
UPDATE monitoring.MaintenanceWindows
   SET CancelledAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), CancelledBy = :#UserName
 WHERE WindowId = :#WindowId AND CancelledAt IS NULL
