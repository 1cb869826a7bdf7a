-- rejected_deals: the quarantine. One row per mention that broke at least one rule, with every rule it broke.
-- Rebuilt each run from the stored documents, so a fixed rule or a new taxonomy alias releases rows.
create or replace table rejected_deals (
    record_id       varchar not null primary key,
    source_id       varchar,
    source_kind     varchar,
    url             varchar,
    document_sha256 varchar,
    method          varchar,
    locator         varchar,
    snippet         varchar,
    company_text    varchar,
    round_text      varchar,
    amount_text     varchar,
    currency_text   varchar,
    valuation_text  varchar,
    segment_text    varchar,
    announced_text  varchar,
    company         varchar,
    round_type      varchar,
    amount_usd      bigint,
    currency        varchar,
    valuation_usd   bigint,
    segment         varchar,
    layer           varchar,
    announced_date  date,
    failed_checks   varchar[] not null,
    warnings        varchar[],
    reason          varchar not null,
    run_id          varchar not null,
    rejected_at     timestamp not null
);
comment on table rejected_deals is 'Quarantine: one row per deal mention that broke at least one validation rule, with every rule it broke. Rebuilt every run from stored documents.';
comment on column rejected_deals.record_id is 'Stable id of the mention (see extracted_deals).';
comment on column rejected_deals.source_id is 'Source slug from sources.toml.';
comment on column rejected_deals.source_kind is 'article, newsletter, feed or table.';
comment on column rejected_deals.url is 'Document URL.';
comment on column rejected_deals.document_sha256 is 'Raw-store key of the document version.';
comment on column rejected_deals.method is 'table_row, document_table or prose.';
comment on column rejected_deals.locator is 'Where in the document the mention is.';
comment on column rejected_deals.snippet is 'The row or sentence the mention came from.';
comment on column rejected_deals.company_text is 'Company as the source wrote it.';
comment on column rejected_deals.round_text is 'Round as the source wrote it.';
comment on column rejected_deals.amount_text is 'Amount as the source wrote it.';
comment on column rejected_deals.currency_text is 'Currency as the source wrote it (exports with a currency column).';
comment on column rejected_deals.valuation_text is 'Valuation as the source wrote it.';
comment on column rejected_deals.segment_text is 'Segment label as the source wrote it.';
comment on column rejected_deals.announced_text is 'Date as the source wrote it.';
comment on column rejected_deals.company is 'Canonical company name, when one could be made.';
comment on column rejected_deals.round_type is 'Round-type slug, or the stated text when unrecognised.';
comment on column rejected_deals.amount_usd is 'Amount in whole US dollars, when parsed.';
comment on column rejected_deals.currency is 'ISO 4217 currency, or the stated text when unrecognised.';
comment on column rejected_deals.valuation_usd is 'Valuation in whole US dollars, when parsed.';
comment on column rejected_deals.segment is 'Segment slug, or the stated label when the taxonomy does not know it.';
comment on column rejected_deals.layer is 'Stack layer of the segment, when known.';
comment on column rejected_deals.announced_date is 'Announcement date, when parsed.';
comment on column rejected_deals.failed_checks is 'Names of every rule the row broke (README, Validation rules).';
comment on column rejected_deals.warnings is 'Warn-severity rules the row also broke.';
comment on column rejected_deals.reason is 'Readable explanation: each broken rule with the offending values.';
comment on column rejected_deals.run_id is 'Dagster run that quarantined the row.';
comment on column rejected_deals.rejected_at is 'When the row was quarantined (UTC).';
