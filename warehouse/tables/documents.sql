-- documents: one row per stored document version (a URL whose fetched bytes differ from its last version).
-- Append-only. The body lives in the raw store under its sha256; the newest row per (source_id, url) is
-- the version later stages parse.
create table if not exists documents (
    source_id     varchar   not null,
    url           varchar   not null,
    final_url     varchar,
    sha256        varchar   not null,
    fetched_at    timestamp not null,
    status        varchar   not null,
    http_status   integer,
    content_type  varchar,
    bytes         bigint    not null,
    etag          varchar,
    last_modified varchar,
    run_id        varchar   not null,
    parent_url    varchar,
    published_hint date
);
-- Columns added after the first release: working files created earlier gain them here.
alter table documents add column if not exists parent_url varchar;
alter table documents add column if not exists published_hint date;
comment on table documents is 'One row per fetched document version: a URL whose bytes differ from its previous version. Append-only; bodies are in the raw store under sha256.';
comment on column documents.source_id is 'Source slug from sources.toml.';
comment on column documents.url is 'The URL the registry (or a newsletter directory listing) gave.';
comment on column documents.final_url is 'The URL the body came from after redirects.';
comment on column documents.sha256 is 'SHA-256 of the raw body (hex); the raw store key.';
comment on column documents.fetched_at is 'When this version was fetched (UTC).';
comment on column documents.status is 'new (first version of this URL) or changed (bytes differ from the previous version).';
comment on column documents.http_status is 'HTTP status of the fetch; NULL for file:// documents.';
comment on column documents.content_type is 'Content-Type the server declared.';
comment on column documents.bytes is 'Body size in bytes.';
comment on column documents.etag is 'ETag validator, sent back as If-None-Match next time.';
comment on column documents.last_modified is 'Last-Modified validator, sent back as If-Modified-Since next time.';
comment on column documents.run_id is 'Dagster run that fetched this version.';
comment on column documents.parent_url is 'For feed entries: the feed that listed this page.';
comment on column documents.published_hint is 'For feed entries: the entry date, used when the page states no publication date.';
