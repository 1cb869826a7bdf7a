-- normalized_deals: one row per extracted mention, with units, currency, vocabularies and names resolved.
create or replace table normalized_deals (
    record_id        varchar not null primary key,
    source_id        varchar,
    source_kind      varchar,
    document_sha256  varchar,
    url              varchar,
    published_date   date,
    method           varchar,
    locator          varchar,
    snippet          varchar,
    company_text     varchar,
    round_text       varchar,
    amount_text      varchar,
    currency_text    varchar,
    valuation_text   varchar,
    segment_text     varchar,
    announced_text   varchar,
    company          varchar,
    company_alias    varchar,
    company_key      varchar,
    round_type       varchar,
    amount_original  varchar,
    amount_status    varchar,
    currency         varchar,
    amount_usd       bigint,
    amount_is_floor  boolean,
    valuation_original varchar,
    valuation_status varchar,
    valuation_usd    bigint,
    valuation_is_floor boolean,
    fx_usd_per_unit  double,
    fx_rate_month    date,
    lead_investors   varchar[],
    investors        varchar[],
    announced_date   date,
    date_basis       varchar,
    segment          varchar,
    segment_basis    varchar,
    layer            varchar
);
comment on table normalized_deals is 'One row per extracted mention: amounts in whole USD, round types, segments and names resolved. Not yet validated.';
comment on column normalized_deals.amount_usd is 'Amount raised in whole US dollars (converted at fx_rate_month when not USD).';
comment on column normalized_deals.amount_status is 'parsed, undisclosed, missing, unparseable, or out_of_range (too large to store: quarantined by amount_below_ceiling).';
comment on column normalized_deals.round_type is 'Round-type slug (seed, series_b, ipo...); the stated text when unrecognised.';
comment on column normalized_deals.segment is 'Segment slug from the taxonomy; the stated label when unrecognised.';
comment on column normalized_deals.segment_basis is 'stated (a taxonomy label or alias), label_keywords (an unknown stated label placed by its words), inferred (keywords in the text) or fallback (unclassified).';
comment on column normalized_deals.date_basis is 'explicit (the source dates the deal) or published (the document date stands in).';
