-- An operator takes an alert on; the acknowledgement lasts until the alert's state changes.
UPDATE monitoring.AlertStates
   SET AcknowledgedBy = :#UserName, AcknowledgedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP), ModifiedAt = CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND State <> 'Ok'
