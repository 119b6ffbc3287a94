-- The hand-over of an ended window (or occurrence) is done once: only the worker whose update takes goes on to send
-- its held changes, in the same transaction.
UPDATE monitoring.MaintenanceWindows
   SET LastEndHandledAt = :#EndedAt
 WHERE WindowId = :#WindowId AND (LastEndHandledAt IS NULL OR LastEndHandledAt < :#EndedAt)
