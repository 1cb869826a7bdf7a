-- source_listings: one row per source per run whose listing was read: the document URLs the source names now.
-- Append-only. The newest row per source decides which stored documents are current: a file removed from a
-- newsletter folder, or a registry URL changed, stops being parsed. Feeds are not listed here: a page an
-- entry once linked stays current after the entry scrolls off the feed.
create table if not exists source_listings (
    source_id varchar   not null,
    run_id    varchar   not null,
    listed_at timestamp not null,
    urls      varchar[] not null
);
comment on table source_listings is 'One row per source per run whose listing was read: the document URLs it names now. The newest row per source decides which documents are current (feeds are cumulative and have none).';
comment on column source_listings.source_id is 'Source slug from sources.toml.';
comment on column source_listings.run_id is 'Dagster run that read the listing.';
comment on column source_listings.listed_at is 'When the listing was read (UTC).';
comment on column source_listings.urls is 'The document URLs the source named (a newsletter folder''s files, or the registry URL).';
