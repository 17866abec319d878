-- Version 12: the console's jump to any row (an OFFSET of up to a million) skips its rows inside
-- one index, without visiting the table. AdminStore::list reads only the skipped rows' sort keys
-- and ids, then the page's whole rows; PostgreSQL answers that from the index alone (an
-- index-only scan) when the index holds every column the sort expression reads. An expression
-- index holds the expression's value, not its columns, so these two carry their column as well:
-- at a million rows a jump to the middle sorted by finished time or worker read 500,000 rows
-- from the table in index order (0.3 s and 1.4 s) and now reads the index (about 0.1 s).
-- The engine's cost is unchanged in count (still one insertion per index per settled job), each
-- entry a few bytes wider (a worker is "host:pid", and a host name at most 64 bytes). Error keeps
-- its index: the column is unbounded text, and an index entry must stay under the btree limit
-- (0011 indexes its first 200 characters for that reason).
-- Built beside the old ones, then swapped: a migration is one transaction, so its locks last to
-- its end. CREATE INDEX blocks writes to images while it builds (~3 s at a million rows; engines
-- wait); the DROP's exclusive lock, which blocks reads too (the console's pages), comes last.
CREATE INDEX images_finished_id_v12 ON images ((coalesce(
    date_trunc('milliseconds', (finished_at AT TIME ZONE 'UTC') + interval '500 microseconds'),
    '-infinity'::timestamp)), id) INCLUDE (finished_at);
CREATE INDEX images_settled_worker_id_v12 ON images ((coalesce(worker, '')), id) INCLUDE (worker)
    WHERE status IN ('completed', 'failed', 'cancelled');
DROP INDEX images_finished_id;
DROP INDEX images_settled_worker_id;
ALTER INDEX images_finished_id_v12 RENAME TO images_finished_id;
ALTER INDEX images_settled_worker_id_v12 RENAME TO images_settled_worker_id;
