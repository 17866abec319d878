-- Version 10: cheaper sweeps for many engines at once (measured with pg_stat_statements under
-- bench/many_engines.sh, 32 engines on 50,000 jobs).
--
-- The expiry sweep was a LANGUAGE sql function: planned again on every call (17 ms on a quiet
-- machine, 150 ms under load), and by ORDER BY id it could walk the primary key. PL/pgSQL keeps
-- the plan, and expiry order reads the partial index images_expiring (0.3 ms when nothing is due).
CREATE OR REPLACE FUNCTION pixelnest_expire_due(page integer) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    -- Nothing due (nearly always): no UPDATE, so none of its statement triggers run either.
    IF NOT EXISTS (SELECT 1 FROM images WHERE status = 'queued' AND expires_at IS NOT NULL
                   AND expires_at <= now()) THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH due AS (
        SELECT id FROM images
        WHERE status = 'queued' AND expires_at IS NOT NULL AND expires_at <= now()
        ORDER BY expires_at LIMIT page FOR UPDATE SKIP LOCKED
    )
    UPDATE images i SET status = 'cancelled', error = 'expired before it started',
        finished_at = now()
    FROM due d WHERE i.id = d.id RETURNING i.id;
END $$;

-- `--exit-when-idle` asks "anything queued or processing?" after every empty claim; the status
-- counts answer without the images table (whose status index, after many status changes, is
-- mostly dead entries: 195 ms for that EXISTS on 150,000 finished jobs). Engines may read them.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pixelnest_engine') THEN
        GRANT SELECT ON status_counts TO pixelnest_engine;
    END IF;
END $$;
