-- The audit log, newest first.
SELECT AuditId, OccurredAt, UserName, Action, Subject, Details
  FROM monitoring.AuditLog
 ORDER BY OccurredAt DESC
 LIMIT :#Limit
