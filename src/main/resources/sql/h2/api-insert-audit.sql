-- One line of the audit log: who did what to which subject, written in the transaction of the change.
INSERT INTO monitoring.AuditLog (UserName, Action, Subject, Details)
VALUES (:#UserName, :#Action, :#Subject, :#Details)
