-- An operator takes an alert on; the acknowledgement lasts until the alert's state changes.
UPDATE monitoring.AlertStates
   SET AcknowledgedBy = :#UserName, AcknowledgedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), ModifiedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND State <> 'Ok'
