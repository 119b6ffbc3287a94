-- Embedded demo: registers the worker's own H2 store as a monitored connection, once.
INSERT INTO monitoring.DatabaseConnections (ConnectionName, Provider, ConnectionString, Environment, Description)
SELECT 'Embedded demo store', 'H2', :#ConnectionString, 'Demo', 'The worker''s own embedded H2 store (demo)'
 WHERE NOT EXISTS (SELECT 1 FROM monitoring.DatabaseConnections WHERE ConnectionName = 'Embedded demo store')
