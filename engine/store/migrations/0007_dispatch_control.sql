-- Version 7: operators control dispatch. Pausing, resuming and draining live in Redis (where
-- engines read them); the authorisation and the record live here: the CLI and the console call
-- pixelnest_record_control first, so a login PostgreSQL refuses (a viewer) changes nothing, and
-- every pause is in the audit trail.
CREATE FUNCTION pixelnest_record_control(action text, target jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT pixelnest_audit(action, NULL, target, 0, NULL, NULL)
$$;

-- "Retry now": jobs waiting out a retry's backoff (queued, with a not_before still ahead) may
-- run at once. The caller then moves them to the ready queue in Redis.
CREATE FUNCTION pixelnest_retry_now(job_ids bigint[]) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    changed bigint[];
    before jsonb;
BEGIN
    WITH locked AS (
        SELECT i.id, i.not_before FROM images i
        WHERE i.id = ANY(job_ids) AND i.status = 'queued' AND i.not_before > now()
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

REVOKE ALL ON FUNCTION pixelnest_record_control(text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION pixelnest_retry_now(bigint[]) FROM PUBLIC;
