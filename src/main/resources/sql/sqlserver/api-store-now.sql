-- The store's clock (UTC), the reference for time ranges the API computes.
SELECT SYSUTCDATETIME() AS StoreNow
