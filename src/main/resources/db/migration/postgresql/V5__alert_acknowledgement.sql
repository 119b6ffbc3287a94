-- Acknowledged alerts: who took an alert on and when. A change of the alert's state clears it.
ALTER TABLE monitoring.AlertStates
    ADD COLUMN IF NOT EXISTS AcknowledgedBy VARCHAR(128),
    ADD COLUMN IF NOT EXISTS AcknowledgedAt TIMESTAMP;
