-- Console, version 2: "sort by any column" over a million rows with keyset pagination. Each
-- index is (sort expression, id), the exact ORDER BY of AdminStore::list, so that every page is
-- an index range scan whatever its depth. Status sorts use images_status_id (0001); Created
-- sorts by id. Cost: an engine status write touches these too (worker, attempts, finished_at,
-- error change with every claim and result).
CREATE INDEX images_title_id ON images (title, id);
CREATE INDEX images_priority_id ON images (priority, id);
CREATE INDEX images_attempts_id ON images (attempts, id);
CREATE INDEX images_worker_id ON images ((coalesce(worker, '')), id);
-- Milliseconds, rounded as the job records read them; UTC so that the expression is immutable.
-- The throughput chart's range query (finished per minute) uses it as well.
CREATE INDEX images_finished_id ON images ((coalesce(
    date_trunc('milliseconds', (finished_at AT TIME ZONE 'UTC') + interval '500 microseconds'),
    '-infinity'::timestamp)), id);
-- The first 200 characters: a b-tree entry must stay under ~2700 bytes.
CREATE INDEX images_error_id ON images ((left(coalesce(error, ''), 200)), id);

-- Title search (ILIKE '%text%'): a trigram index where pg_trgm can be created. It is a trusted
-- extension from PostgreSQL 13 on, but a managed server may not ship it or the role may lack
-- CREATE on the database; the search then scans, which is correct, only slower.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE INDEX images_title_trgm ON images USING gin (title gin_trgm_ops);
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'pg_trgm unavailable (%): title search will scan', SQLERRM;
        END;
    END IF;
END $$;
