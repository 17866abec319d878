-- Version 15: sorting by attempts, worker or error reads one index range per page, as every other
-- column does (0002), and a jump skips its rows inside that index alone.
--
-- 0011 indexed these columns for the settled rows only, and AdminStore::list merged them with the
-- unsettled rows, sorted on each page. At a million rows with 90,000 queued and processing, that
-- branch read its rows from 10,000 heap pages and sorted them for every page: a jump to the
-- middle took 0.3-0.6 s (the issue asks 0.2). These indexes cover every row.
--
-- The engine's cost: a claim changes status, which images_status_id indexes, so it is never a HOT
-- update and every index whose predicate the new row meets gets an entry. An index over all rows
-- therefore costs one insertion per job at submit, claim and settle, the same as 0011's settled
-- index beside one over the unsettled rows would; two more than 0011's alone.
--
-- error_prefix is the error's first 200 characters (0011's sort expression, which keeps a long
-- message under the btree entry limit) as a stored column: PostgreSQL answers from an index alone
-- only when the index holds every column the sort expression reads, and the error itself is
-- unbounded. Adding it rewrites the table and every index it has, and holds the table's
-- exclusive lock from there to the end of the migration (one transaction): reads and writes of
-- images wait meanwhile: about 16 s at a million rows (the rewrite 9.5 s, the three indexes
-- 5.7 s). 0011's indexes are dropped first, so that the rewrite does not rebuild them.
DROP INDEX images_settled_attempts_id;
DROP INDEX images_settled_worker_id;
DROP INDEX images_settled_error_id;
ALTER TABLE images ADD COLUMN error_prefix text GENERATED ALWAYS AS (left(error, 200)) STORED;
CREATE INDEX images_attempts_id ON images (attempts, id);
CREATE INDEX images_worker_id ON images ((coalesce(worker, '')), id) INCLUDE (worker);
CREATE INDEX images_error_id ON images ((coalesce(error_prefix, '')), id) INCLUDE (error_prefix);
