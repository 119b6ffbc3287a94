-- Ends a maintenance window or silence at once (a recurring one for good); its held changes are then handed over.
UPDATE monitoring.MaintenanceWindows
   SET CancelledAt = SYSUTCDATETIME(), CancelledBy = :#UserName
 WHERE WindowId = :#WindowId AND CancelledAt IS NULL
