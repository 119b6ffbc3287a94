-- An operator takes an alert on; the acknowledgement lasts until the alert's state changes.
UPDATE monitoring.AlertStates
   SET AcknowledgedBy = :#UserName, AcknowledgedAt = SYSUTCDATETIME(), ModifiedAt = SYSUTCDATETIME()
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND State <> N'Ok'
