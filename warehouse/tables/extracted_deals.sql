-- extracted_deals: one row per deal mention found in a current document version, as the source wrote it.
create or replace table extracted_deals (
    record_id       varchar not null primary key,
    source_id       varchar not null,
    source_kind     varchar not null,
    document_sha256 varchar not null,
    url             varchar not null,
    published_date  date,
    method          varchar not null,
    locator         varchar not null,
    snippet         varchar,
    company_text    varchar,
    round_text      varchar,
    amount_text     varchar,
    currency_text   varchar,
    valuation_text  varchar,
    segment_text    varchar,
    announced_text  varchar,
    date_format     varchar,
    default_currency varchar,
    lead_investors_text varchar[],
    investors_text  varchar[],
    context         varchar,
    fingerprint     varchar not null
);
comment on table extracted_deals is 'One row per deal mention in the current version of each document, every field as the source wrote it.';
comment on column extracted_deals.record_id is 'Stable id of the mention: hash of source, document URL, document sha256, method and locator.';
comment on column extracted_deals.method is 'table_row (CSV/JSON export), document_table (a table in a page, newsletter or text dump) or prose (a sentence).';
comment on column extracted_deals.locator is 'Where in the document: row[17], table[0]/row[3], p[4]/s[1], m[0]/p[2]/s[0].';
comment on column extracted_deals.snippet is 'The row or sentence the mention came from.';
comment on column extracted_deals.published_date is 'Publication date of the document, when it states one.';
comment on column extracted_deals.date_format is 'strptime format for announced_text, from the source options (table exports).';
comment on column extracted_deals.default_currency is 'Currency of bare numbers, from the source options (table exports).';
comment on column extracted_deals.context is 'Text describing the company, used to infer a segment when none is stated.';
comment on column extracted_deals.fingerprint is 'Parser fingerprint the mention was extracted under (see document_extractions).';
