-- One page of stored connection strings, in ConnectionId order after the last one seen (keyset paging).
SELECT ConnectionId, ConnectionName, ConnectionString
  FROM monitoring.DatabaseConnections
 WHERE ConnectionId > :#After
 ORDER BY ConnectionId
 LIMIT :#BatchSize
