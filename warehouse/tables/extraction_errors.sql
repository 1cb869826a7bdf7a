-- extraction_errors: one row per current document version that could not be parsed at all.
create or replace table extraction_errors (
    source_id     varchar not null,
    url           varchar not null,
    sha256        varchar not null,
    error_class   varchar not null,
    error_message varchar not null,
    run_id        varchar not null
);
comment on table extraction_errors is 'Documents that could not be parsed at all in the latest run (unreadable export, undecodable body...). Their mentions are missing until fixed; the documents stay stored.';
comment on column extraction_errors.source_id is 'Source slug.';
comment on column extraction_errors.url is 'Document URL.';
comment on column extraction_errors.sha256 is 'Raw-store key of the document version.';
comment on column extraction_errors.error_class is 'Exception class, or parse_budget_exceeded when the document took longer than its parse budget.';
comment on column extraction_errors.error_message is 'What went wrong.';
comment on column extraction_errors.run_id is 'Dagster run that tried.';
