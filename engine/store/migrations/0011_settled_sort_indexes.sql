-- Version 11: the console sorts by attempts, worker and error at a million rows in one index
-- range scan per page, as it already did by title, priority and finished time (0002).
--
-- 0002 left these columns unindexed on purpose: they change with every claim and result, and an
-- index on them costs the engine an insertion on every status change. These indexes cover only
-- the settled rows (completed, failed, cancelled), which an engine writes once, when the job
-- settles: one insertion per index per job, none while it is claimed, retried or renewed.
-- AdminStore::list merges them with the few unsettled rows (sorted through images_status_id);
-- its branch conditions repeat this predicate literally so that the planner can use them.
-- The expressions are AdminStore's sort expressions exactly (error: its first 200 characters,
-- which also keeps a long message under the btree entry limit).
CREATE INDEX images_settled_attempts_id ON images (attempts, id)
    WHERE status IN ('completed', 'failed', 'cancelled');
CREATE INDEX images_settled_worker_id ON images ((coalesce(worker, '')), id)
    WHERE status IN ('completed', 'failed', 'cancelled');
CREATE INDEX images_settled_error_id ON images ((left(coalesce(error, ''), 200)), id)
    WHERE status IN ('completed', 'failed', 'cancelled');
