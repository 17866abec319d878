-- Version 13: one trigger call where there were two or three (issue 12, item 1).
--
-- Every statement that changes `images` ran one statement-level trigger per concern: an UPDATE
-- the status counts (0006) and the live NOTIFY (0001), each joining the statement's transition
-- tables on its own; an INSERT the counts and the audit entry (0005), each a SECURITY DEFINER
-- call that saves and restores the settings. The engine's claim and result statements are one
-- UPDATE each per batch, and perf on the queue benchmark put the triggers at about a tenth of
-- PostgreSQL's time, half the claim statement at one job per batch. Now:
--   - UPDATE: one function joins old and new rows once, appends the counts and sends the ids.
--   - INSERT: one function appends the counts and writes the audit entry; the NOTIFY stays its
--     own trigger (images_inserted_notify), which a bulk seed can switch off alone.
--   - pixelnest_audit, which every audited change calls, is PL/pgSQL instead of SQL: an SQL
--     function with a SET clause is planned again at every call, a PL/pgSQL one keeps its plan
--     (pgbench, one submit per statement: 1.15-1.18 ms -> 1.04-1.11 ms).
-- What each writes is unchanged: the same status_counts deltas, the same payloads, the same
-- audit rows.

CREATE OR REPLACE FUNCTION pixelnest_audit(action text, ids bigint[], filter jsonb, count integer,
                                           old jsonb, new jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO audit_log (login, role, client, action, ids, filter, count, old, new)
    VALUES (session_user, pixelnest_role_of(session_user),
            coalesce(nullif(current_setting('application_name', true), ''), '?') || '@'
                || coalesce(host(inet_client_addr()), 'local'),
            action, ids, filter, count, old, new);
END $$;

DROP TRIGGER images_updated_count ON images;
DROP TRIGGER images_updated_notify ON images;
DROP FUNCTION pixelnest_count_updated();
DROP FUNCTION pixelnest_images_updated();

-- SECURITY DEFINER for the counts (as pixelnest_count_updated was): whoever changes images adds
-- to them without a grant. The NOTIFY needs no privilege.
CREATE FUNCTION pixelnest_images_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    sent bigint;
BEGIN
    WITH changed AS (
        SELECT n.id, n.status AS now_status, o.status AS was_status
        FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.status IS DISTINCT FROM o.status
           OR n.priority IS DISTINCT FROM o.priority
           OR n.attempts IS DISTINCT FROM o.attempts
    ), counted AS (
        INSERT INTO status_counts
        SELECT v.status, sum(v.delta) FROM changed c
        CROSS JOIN LATERAL (VALUES (c.now_status, 1), (c.was_status, -1)) AS v(status, delta)
        WHERE c.now_status <> c.was_status
        GROUP BY v.status HAVING sum(v.delta) <> 0
    ), notified AS (
        -- Chunks of 500 ids stay under NOTIFY's 8000-byte payload (as pixelnest_notify_ids).
        SELECT pg_notify('pixelnest_images', string_agg(id::text, ','))
        FROM (SELECT id, (row_number() OVER ()) / 500 AS part FROM changed) t
        GROUP BY part
    )
    SELECT count(*) INTO sent FROM notified;
    RETURN NULL;
END $$;

CREATE TRIGGER images_updated_record AFTER UPDATE ON images
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pixelnest_images_updated();

DROP TRIGGER images_inserted_count ON images;
DROP TRIGGER images_inserted_audit ON images;
DROP FUNCTION pixelnest_count_inserted();
DROP FUNCTION pixelnest_audit_submitted();

CREATE FUNCTION pixelnest_images_submitted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO status_counts SELECT status, count(*) FROM new_rows GROUP BY status;
    PERFORM pixelnest_audit('submit', ARRAY(SELECT id FROM new_rows ORDER BY id), NULL,
                            (SELECT count(*) FROM new_rows)::int, NULL,
                            (SELECT jsonb_object_agg(id, jsonb_build_object(
                                 'title', title, 'priority', priority, 'pipeline', pipeline))
                             FROM new_rows));
    RETURN NULL;
END $$;

CREATE TRIGGER images_inserted_record AFTER INSERT ON images
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pixelnest_images_submitted();
