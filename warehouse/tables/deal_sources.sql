-- deal_sources: one row per (deal, contributing mention): the evidence behind every deal.
create or replace table deal_sources (
    deal_id         varchar not null,
    record_id       varchar not null primary key,
    source_id       varchar not null,
    url             varchar not null,
    document_sha256 varchar not null,
    method          varchar not null,
    locator         varchar not null,
    snippet         varchar,
    precedence      integer not null,
    amount_usd      bigint,
    valuation_usd   bigint,
    round_type      varchar,
    announced_date  date
);
comment on table deal_sources is 'The evidence behind every deal: one row per contributing mention, with the document and snippet it came from.';
comment on column deal_sources.deal_id is 'The deal (deals.deal_id).';
comment on column deal_sources.record_id is 'The mention (extracted_deals.record_id).';
comment on column deal_sources.source_id is 'Source slug.';
comment on column deal_sources.url is 'Document URL.';
comment on column deal_sources.document_sha256 is 'Raw-store key of the document version.';
comment on column deal_sources.method is 'table_row, document_table or prose.';
comment on column deal_sources.locator is 'Where in the document the mention is.';
comment on column deal_sources.snippet is 'The row or sentence the mention came from.';
comment on column deal_sources.precedence is 'Rank of this mention when facts conflict: 1 wins (exports over tables over prose, newer over older).';
comment on column deal_sources.amount_usd is 'Amount this mention reported, whole USD.';
comment on column deal_sources.valuation_usd is 'Valuation this mention reported, whole USD.';
comment on column deal_sources.round_type is 'Round type this mention reported.';
comment on column deal_sources.announced_date is 'Date this mention implied.';
