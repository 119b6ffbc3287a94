-- Acknowledged alerts: who took an alert on and when. A change of the alert's state clears it (T-SQL).
IF COL_LENGTH(N'monitoring.AlertStates', N'AcknowledgedBy') IS NULL ALTER TABLE monitoring.AlertStates ADD AcknowledgedBy NVARCHAR(128) NULL;
IF COL_LENGTH(N'monitoring.AlertStates', N'AcknowledgedAt') IS NULL ALTER TABLE monitoring.AlertStates ADD AcknowledgedAt DATETIME2 NULL;
