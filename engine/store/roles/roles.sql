-- `pixelnest roles init`: the four group roles and what each may do, enforced by PostgreSQL
-- itself. Idempotent; run by the schema's owner (with CREATEROLE for the first run), and again
-- by `pixelnest migrate` after a migration when the roles exist. Roles are cluster-wide: every
-- Pixelnest database of one cluster shares them.
SET LOCAL client_min_messages = warning; -- "policy ... does not exist, skipping"

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['pixelnest_viewer', 'pixelnest_operator', 'pixelnest_admin',
                                'pixelnest_engine'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        END IF;
    END LOOP;
END $$;

-- Each level holds the one below: admin ⊃ operator ⊃ viewer. Engines are apart.
GRANT pixelnest_viewer TO pixelnest_operator;
GRANT pixelnest_operator TO pixelnest_admin;

-- Viewer: read jobs, results, thumbnails, attempts and the audit trail.
GRANT SELECT ON images, image_data, attempts, audit_log, schema_migrations, pixelnest_identity,
    status_counts TO pixelnest_viewer;
-- Engines read the status counts too (--exit-when-idle: anything queued or processing?).
GRANT SELECT ON status_counts TO pixelnest_engine;
-- Folding the status counts changes no total: whoever reads them may fold them.
GRANT EXECUTE ON FUNCTION pixelnest_fold_status_counts() TO pixelnest_viewer, pixelnest_engine;

-- Operator: submit (INSERT of the client's columns; submitted_by and status are defaults), and
-- priority, cancel, reprocess, retry now and dispatch control (pause, resume, drain) only
-- through the audited functions.
GRANT INSERT (title, priority, pipeline, format, byte_size, width, height, not_before,
               expires_at) ON images
    TO pixelnest_operator;
GRANT INSERT (image_id, original) ON image_data TO pixelnest_operator;
GRANT USAGE ON SEQUENCE images_id_seq TO pixelnest_operator;
GRANT EXECUTE ON FUNCTION pixelnest_set_priority(bigint[], integer),
    pixelnest_cancel(bigint[]), pixelnest_requeue(bigint[]), pixelnest_retry_now(bigint[]),
    pixelnest_record_control(text, jsonb) TO pixelnest_operator;

-- Admin: role management, purge, delete and the retention policy.
GRANT EXECUTE ON FUNCTION pixelnest_grant_role(name, text),
    pixelnest_purge_page(interval, job_status[], integer),
    pixelnest_purge_preview(interval, job_status[]), pixelnest_delete(bigint[]),
    pixelnest_set_retention(interval, job_status[]) TO pixelnest_admin;
-- Everyone who reads may see the retention policy.
GRANT SELECT ON retention_policy TO pixelnest_viewer, pixelnest_engine;

-- Engine: claim and write results. It may change the state columns but never priority, title
-- or pipeline, never insert or delete a job, never read the audit trail; the policy below keeps
-- it from cancelling.
GRANT SELECT ON images, image_data, attempts, schema_migrations, pixelnest_identity
    TO pixelnest_engine;
GRANT UPDATE (status, attempts, worker, started_at, finished_at, error, not_before, result,
              width, height, queued_at) ON images TO pixelnest_engine;
GRANT UPDATE (thumbnail, anonymised) ON image_data TO pixelnest_engine;
GRANT INSERT, UPDATE (finished_at, outcome, error) ON attempts TO pixelnest_engine;
-- The admin's retention policy, applied by the engines' maintenance: the only delete they may
-- run, and only what the policy says.
GRANT EXECUTE ON FUNCTION pixelnest_apply_retention(integer) TO pixelnest_engine;
-- Jobs whose expiry passed before they started: cancelled by the maintenance lock holder.
GRANT EXECUTE ON FUNCTION pixelnest_expire_due(integer) TO pixelnest_engine;

-- Row security on images: the owner (and the SECURITY DEFINER functions it owns) is exempt;
-- everyone else sees every row, operators insert, engines update rows that are not cancelled
-- and cannot make one cancelled.
ALTER TABLE images ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS pixelnest_read ON images;
CREATE POLICY pixelnest_read ON images FOR SELECT
    TO pixelnest_viewer, pixelnest_engine USING (true);
DROP POLICY IF EXISTS pixelnest_submit ON images;
CREATE POLICY pixelnest_submit ON images FOR INSERT TO pixelnest_operator WITH CHECK (true);
DROP POLICY IF EXISTS pixelnest_engine_writes ON images;
CREATE POLICY pixelnest_engine_writes ON images FOR UPDATE TO pixelnest_engine
    USING (status <> 'cancelled') WITH CHECK (status <> 'cancelled');
