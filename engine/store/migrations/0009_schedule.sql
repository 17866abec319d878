-- Version 9: jobs that wait and jobs that expire, as Celery's ETA/countdown and expires.
-- `submit --at/--in` sets not_before (the column a retry's backoff already uses): the job waits
-- in Redis's delayed set and shows as scheduled. `submit --expires-in` sets expires_at: a job
-- not started by then ends cancelled, "expired before it started".
ALTER TABLE images ADD COLUMN expires_at timestamptz;

-- The maintenance sweep finds due expiries without a scan. Partial: rows without an expiry
-- (nearly all) add nothing to it on the engine's status changes.
CREATE INDEX images_expiring ON images (expires_at)
    WHERE status = 'queued' AND expires_at IS NOT NULL;

-- Engines may not make a row cancelled (roles.sql's row policy); this function cancels only
-- queued jobs whose expiry has passed, a page at a time, and returns their ids so that the
-- caller drops them from Redis too.
CREATE FUNCTION pixelnest_expire_due(page integer) RETURNS SETOF bigint
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH due AS (
        SELECT id FROM images
        WHERE status = 'queued' AND expires_at IS NOT NULL AND expires_at <= now()
        ORDER BY id LIMIT page FOR UPDATE SKIP LOCKED
    )
    UPDATE images i SET status = 'cancelled', error = 'expired before it started',
        finished_at = now()
    FROM due d WHERE i.id = d.id RETURNING i.id
$$;

REVOKE ALL ON FUNCTION pixelnest_expire_due(integer) FROM PUBLIC;
