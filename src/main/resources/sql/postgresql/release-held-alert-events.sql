-- When a window ends, each alert's last change it held back goes out, once, if the alert is still in the problem state
-- that change entered; an alert that recovered meanwhile, or changed again since, sends nothing more. Claiming
-- (claim-alert-events.sql) then sends it as any other change.
UPDATE monitoring.AlertEvents
   SET Notifies = TRUE, NextNotifyAt = (now() AT TIME ZONE 'UTC'), NotifyError = NULL
 WHERE HeldBy = :#WindowId AND Notifies = FALSE AND NotifiedAt IS NULL AND Kind = 'StateChanged'
   AND ToState IN ('Warning', 'Critical', 'Unknown', 'Stale', 'NoData')
   AND Sequence = (SELECT MAX(l.Sequence) FROM monitoring.AlertEvents l
                    WHERE l.ConnectionId = AlertEvents.ConnectionId AND l.QueryId = AlertEvents.QueryId AND l.RowKey = AlertEvents.RowKey)
   AND EXISTS (SELECT 1 FROM monitoring.AlertStates s
                WHERE s.ConnectionId = AlertEvents.ConnectionId AND s.QueryId = AlertEvents.QueryId AND s.RowKey = AlertEvents.RowKey
                  AND s.State = AlertEvents.ToState)
