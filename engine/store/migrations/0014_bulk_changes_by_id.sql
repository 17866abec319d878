-- Version 14: bulk changes find their rows by id whatever the statistics say (issue 12).
--
-- Cancel and retry-now named their rows by id and by status (`id = ANY(ids) AND status IN
-- ('queued', 'processing')`). When the statistics say that nothing is queued (a table of finished
-- rows, analysed before a burst of submits, which is when people cancel), the planner reads the
-- status index's whole 'queued' range for every call and checks each row against the ids: a
-- filtered cancel of a big queue, 500 ids per call, read the queue once per call. Comparing the
-- status as text keeps the planner on the primary key, as the engine's claim does (JobStore).
-- The bodies are otherwise those of 0005 and 0007.

CREATE OR REPLACE FUNCTION pixelnest_cancel(job_ids bigint[]) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    changed bigint[];
    before jsonb;
BEGIN
    WITH locked AS (
        SELECT i.id, i.status FROM images i
        WHERE i.id = ANY(job_ids) AND i.status::text IN ('queued', 'processing')
        ORDER BY i.id FOR UPDATE
    ), cancelled AS (
        UPDATE images i SET status = 'cancelled', finished_at = now() FROM locked l
        WHERE i.id = l.id RETURNING i.id, i.attempts, l.status AS was
    ), history AS (
        UPDATE attempts a SET finished_at = now(), outcome = 'cancelled'
        FROM cancelled c WHERE a.image_id = c.id AND a.attempt = c.attempts
          AND a.finished_at IS NULL
    )
    SELECT array_agg(c.id ORDER BY c.id), jsonb_object_agg(c.id, c.was)
    INTO changed, before FROM cancelled c;
    IF changed IS NOT NULL THEN
        PERFORM pixelnest_audit('cancel', changed, NULL, cardinality(changed), before,
                                jsonb_build_object('status', 'cancelled'));
    END IF;
    RETURN QUERY SELECT unnest(coalesce(changed, '{}'));
END $$;

CREATE OR REPLACE FUNCTION pixelnest_retry_now(job_ids bigint[]) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    changed bigint[];
    before jsonb;
BEGIN
    WITH locked AS (
        SELECT i.id, i.not_before FROM images i
        WHERE i.id = ANY(job_ids) AND i.status::text = 'queued' AND i.not_before > now()
        ORDER BY i.id FOR UPDATE
    ), updated AS (
        UPDATE images i SET not_before = NULL FROM locked l WHERE i.id = l.id
        RETURNING i.id, l.not_before AS was
    )
    SELECT array_agg(u.id ORDER BY u.id), jsonb_object_agg(u.id, u.was)
    INTO changed, before FROM updated u;
    IF changed IS NOT NULL THEN
        PERFORM pixelnest_audit('retry_now', changed, NULL, cardinality(changed), before, NULL);
    END IF;
    RETURN QUERY SELECT unnest(coalesce(changed, '{}'));
END $$;
