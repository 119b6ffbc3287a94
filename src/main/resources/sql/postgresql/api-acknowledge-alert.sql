-- An operator takes an alert on; the acknowledgement lasts until the alert's state changes.
UPDATE monitoring.AlertStates
   SET AcknowledgedBy = :#UserName, AcknowledgedAt = (now() AT TIME ZONE 'UTC'), ModifiedAt = (now() AT TIME ZONE 'UTC')
 WHERE ConnectionId = :#ConnectionId AND QueryId = :#QueryId AND RowKey = :#RowKey AND State <> 'Ok'
