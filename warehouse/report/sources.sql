-- Coverage and freshness by source, for the investment map (the deals each source backs are counted apart,
-- data.py DEALS_BY_SOURCE_SQL, and kept while the deals stand).
-- Grain: one row per source that was ever fetched or backs a deal. Key: source_id.
-- Units: counts; timestamps in UTC. rejected_count counts its rows in quarantine now.
-- Reads: documents, fetch_log, deal_sources (its sources only), rejected_deals.
with

known_sources as (
    select source_id from documents
    union
    select source_id from fetch_log
    union
    select source_id from deal_sources
),

stored_documents as (
    select
        source_id,
        count(distinct url) as document_count,
        max(fetched_at) as newest_fetch
    from documents
    group by source_id
),

-- A source's latest run is the one of its latest attempt; its errors are counted in that run only.
latest_runs as (
    select
        source_id,
        arg_max(run_id, attempted_at) as run_id,
        max(attempted_at) as last_attempt
    from fetch_log
    group by source_id
),

latest_errors as (
    select
        fetch_log.source_id,
        count(*) filter (where fetch_log.status = 'error') as error_count
    from fetch_log
    inner join latest_runs
        on fetch_log.source_id = latest_runs.source_id and fetch_log.run_id = latest_runs.run_id
    group by fetch_log.source_id
),

quarantined as (
    select
        source_id,
        count(*) as rejected_count
    from rejected_deals
    group by source_id
),

final as (
    select
        known_sources.source_id,
        coalesce(stored_documents.document_count, 0) as document_count,
        coalesce(quarantined.rejected_count, 0) as rejected_count,
        coalesce(latest_errors.error_count, 0) as error_count,
        stored_documents.newest_fetch,
        latest_runs.last_attempt
    from known_sources
    left join stored_documents on known_sources.source_id = stored_documents.source_id
    left join latest_runs on known_sources.source_id = latest_runs.source_id
    left join latest_errors on known_sources.source_id = latest_errors.source_id
    left join quarantined on known_sources.source_id = quarantined.source_id
)

select * from final
order by source_id
