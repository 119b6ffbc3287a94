-- The store's clock (UTC), the reference for time ranges the API computes.
SELECT (now() AT TIME ZONE 'UTC') AS StoreNow
