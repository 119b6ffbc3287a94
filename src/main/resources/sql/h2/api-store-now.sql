-- The store's clock (UTC), the reference for time ranges the API computes.
SELECT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP) AS StoreNow
