-- fetch_log: one row per fetch attempt of one URL in one run, successful or not. Append-only.
create table if not exists fetch_log (
    run_id        varchar   not null,
    source_id     varchar   not null,
    url           varchar   not null,
    final_url     varchar,
    attempted_at  timestamp not null,
    status        varchar   not null,
    http_status   integer,
    bytes         bigint,
    elapsed_s     double,
    attempts      integer,
    error_class   varchar,
    error_message varchar,
    sha256        varchar,
    etag          varchar,
    last_modified varchar
);
-- Columns added after the first release: working files created earlier gain them here.
alter table fetch_log add column if not exists etag varchar;
alter table fetch_log add column if not exists last_modified varchar;
comment on table fetch_log is 'One row per fetch of one URL in one run: ok, unchanged, not_modified or error, with the reason.';
comment on column fetch_log.run_id is 'Dagster run id.';
comment on column fetch_log.source_id is 'Source slug from sources.toml.';
comment on column fetch_log.url is 'URL requested.';
comment on column fetch_log.final_url is 'URL after redirects.';
comment on column fetch_log.attempted_at is 'When the run fetched (UTC).';
comment on column fetch_log.status is 'ok (new version stored), unchanged (same bytes), not_modified (HTTP 304) or error.';
comment on column fetch_log.http_status is 'Final HTTP status; NULL for file:// and for connection failures.';
comment on column fetch_log.bytes is 'Body bytes received.';
comment on column fetch_log.elapsed_s is 'Wall time of the fetch in seconds, retries included.';
comment on column fetch_log.attempts is 'HTTP attempts made (1 = no retry).';
comment on column fetch_log.error_class is 'Stable error slug: http_404, read_timeout, too_large, redirect_loop...';
comment on column fetch_log.error_message is 'Readable error detail.';
comment on column fetch_log.sha256 is 'SHA-256 of the body received, when one was.';
comment on column fetch_log.etag is 'ETag the server sent (or the one a 304 confirmed): sent back as If-None-Match next run.';
comment on column fetch_log.last_modified is 'Last-Modified the server sent (or the one a 304 confirmed).';
