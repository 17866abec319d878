-- Console, version 2: "sort by any column" over a million rows with keyset pagination. Each
-- index is (sort expression, id), the exact ORDER BY of AdminStore::list, so that a page sorted
-- by title, priority or finished time is an index range scan whatever its depth. Status sorts
-- use images_status_id (0001); Created sorts by id.
CREATE INDEX images_title_id ON images (title, id);
CREATE INDEX images_priority_id ON images (priority, id);
-- Deliberately no index for attempts, worker or error: they change with every claim and result,
-- status changes too (so no update is HOT), and every index of this table costs the engine an
-- insertion per status change. Sorting by those columns is a top-N scan on the console's worker
-- thread: about 1.3 s per page at a million rows (tst_millionrows), never on the GUI thread.
CREATE INDEX images_finished_id ON images ((coalesce(
    date_trunc('milliseconds', (finished_at AT TIME ZONE 'UTC') + interval '500 microseconds'),
    '-infinity'::timestamp)), id);

-- Title search (ILIKE '%text%') scans: a trigram GIN index would take an insertion of every
-- trigram of the title on each status change (see above).
