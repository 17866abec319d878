-- Version 8: retention and delete. Rows, their bytes (image_data) and their attempts go
-- together (ON DELETE CASCADE). Deletes run in pages of a few hundred rows, each its own
-- transaction whose rows are taken with SKIP LOCKED: a purge of a million rows never holds a
-- long lock, and never waits for (or stalls) an engine writing the same rows.

-- The automatic retention an admin sets; the engines' maintenance applies it. One row at most.
CREATE TABLE retention_policy (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    older_than interval    NOT NULL CHECK (older_than > interval '0'),
    statuses   job_status[] NOT NULL,
    set_by     text        NOT NULL DEFAULT session_user,
    set_at     timestamptz NOT NULL DEFAULT now()
);

-- One page: finished jobs in `statuses` that finished before now() - older_than, oldest ids
-- first. Returns how many were deleted and the bytes their images held. Audited per page, in
-- the page's own transaction, with the filter. Only finished jobs: a queued or processing row
-- is never purged whatever `statuses` says.
CREATE FUNCTION pixelnest_purge_page(older_than interval, statuses job_status[], page integer,
                                     OUT deleted bigint, OUT bytes bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    gone bigint[];
BEGIN
    WITH victims AS (
        SELECT i.id FROM images i
        WHERE i.status = ANY(statuses) AND i.status IN ('completed', 'failed', 'cancelled')
          AND i.finished_at < now() - older_than
        ORDER BY i.id LIMIT page FOR UPDATE SKIP LOCKED
    ), sized AS (
        SELECT v.id, coalesce(octet_length(d.original), 0) + coalesce(octet_length(d.thumbnail), 0)
                     + coalesce(octet_length(d.anonymised), 0) AS size
        FROM victims v LEFT JOIN image_data d ON d.image_id = v.id
    ), removed AS (
        DELETE FROM images i USING sized s WHERE i.id = s.id RETURNING i.id, s.size
    )
    SELECT array_agg(r.id ORDER BY r.id), coalesce(sum(r.size), 0) INTO gone, bytes FROM removed r;
    deleted := coalesce(cardinality(gone), 0);
    IF deleted > 0 THEN
        PERFORM pixelnest_audit('purge', gone,
                                jsonb_build_object('older_than', older_than::text,
                                                   'status', to_jsonb(statuses)),
                                deleted::int, NULL, jsonb_build_object('bytes', bytes));
    END IF;
END $$;

-- What a purge would delete, without deleting (--dry-run).
CREATE FUNCTION pixelnest_purge_preview(older_than interval, statuses job_status[],
                                        OUT matched bigint, OUT bytes bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT count(*), coalesce(sum(i.byte_size), 0) FROM images i
    WHERE i.status = ANY(statuses) AND i.status IN ('completed', 'failed', 'cancelled')
      AND i.finished_at < now() - older_than
$$;

-- Deletes the given jobs whatever their state (the console's Delete): a running attempt's late
-- result then finds no row and changes nothing. Returns the ids deleted; audited with titles.
CREATE FUNCTION pixelnest_delete(job_ids bigint[]) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    gone bigint[];
    before jsonb;
BEGIN
    WITH locked AS (
        SELECT i.id, i.title, i.status FROM images i WHERE i.id = ANY(job_ids)
        ORDER BY i.id FOR UPDATE
    ), removed AS (
        DELETE FROM images i USING locked l WHERE i.id = l.id RETURNING l.id, l.title, l.status
    )
    SELECT array_agg(r.id ORDER BY r.id),
           jsonb_object_agg(r.id, jsonb_build_object('title', r.title, 'status', r.status))
    INTO gone, before FROM removed r;
    IF gone IS NOT NULL THEN
        PERFORM pixelnest_audit('delete', gone, NULL, cardinality(gone), before, NULL);
    END IF;
    RETURN QUERY SELECT unnest(coalesce(gone, '{}'));
END $$;

-- Sets (or, with NULL, clears) the automatic retention; audited.
CREATE FUNCTION pixelnest_set_retention(new_older_than interval, new_statuses job_status[])
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    before jsonb;
BEGIN
    SELECT jsonb_build_object('older_than', older_than::text, 'status', to_jsonb(statuses))
    INTO before FROM retention_policy FOR UPDATE;
    DELETE FROM retention_policy;
    IF new_older_than IS NOT NULL THEN
        INSERT INTO retention_policy (older_than, statuses) VALUES (new_older_than, new_statuses);
    END IF;
    PERFORM pixelnest_audit('retention', NULL, NULL, 0, before,
                            CASE WHEN new_older_than IS NULL THEN NULL
                                 ELSE jsonb_build_object('older_than', new_older_than::text,
                                                         'status', to_jsonb(new_statuses)) END);
END $$;

-- The engines' maintenance: one page under the admin's policy (0 when there is none). Engines
-- may run this and nothing else that deletes: what goes is the admin's decision, not theirs.
CREATE FUNCTION pixelnest_apply_retention(page integer, OUT deleted bigint, OUT bytes bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    policy retention_policy;
BEGIN
    SELECT * INTO policy FROM retention_policy;
    IF NOT FOUND THEN
        deleted := 0;
        bytes := 0;
        RETURN;
    END IF;
    SELECT p.deleted, p.bytes INTO deleted, bytes
    FROM pixelnest_purge_page(policy.older_than, policy.statuses, page) p;
END $$;

REVOKE ALL ON FUNCTION pixelnest_purge_page(interval, job_status[], integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION pixelnest_purge_preview(interval, job_status[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION pixelnest_delete(bigint[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION pixelnest_set_retention(interval, job_status[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION pixelnest_apply_retention(integer) FROM PUBLIC;
