-- The audit log, newest first.
SELECT TOP (:#Limit) AuditId, OccurredAt, UserName, Action, Subject, Details
  FROM monitoring.AuditLog
 ORDER BY OccurredAt DESC
