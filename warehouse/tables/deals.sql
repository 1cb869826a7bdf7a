-- deals: one row per real deal, merged across every source that reported it.
create or replace table deals (
    deal_id         varchar not null primary key,
    company         varchar not null,
    company_aliases varchar[] not null,
    round_type      varchar not null,
    amount_usd      bigint,
    amount_is_floor boolean not null,
    valuation_usd   bigint,
    valuation_is_floor boolean not null,
    currency        varchar,
    amount_original varchar,
    lead_investors  varchar[] not null,
    investors       varchar[] not null,
    announced_date  date not null,
    date_basis      varchar not null,
    segment         varchar not null,
    segment_label   varchar not null,
    layer           varchar not null,
    source_count    integer not null,
    mention_count   integer not null,
    conflicts       varchar[] not null,
    warnings        varchar[] not null
);
comment on table deals is 'One row per real deal, merged across every source that reported it. Grain: company x round x announcement. Amounts in whole US dollars.';
comment on column deals.deal_id is 'Stable id: hash of company, round type and announcement date.';
comment on column deals.company is 'Canonical company name.';
comment on column deals.company_aliases is 'Other names sources used for the company.';
comment on column deals.round_type is 'Round-type slug (pre_seed, seed, series_a.., growth, debt, ipo, strategic, secondary, grant, unknown...).';
comment on column deals.amount_usd is 'Amount raised in whole US dollars; NULL when undisclosed.';
comment on column deals.amount_is_floor is 'True when the source gave a lower bound (e.g. $15B+).';
comment on column deals.valuation_usd is 'Valuation in whole US dollars (post-money unless stated); NULL when not reported.';
comment on column deals.valuation_is_floor is 'True when the valuation is a lower bound (e.g. $15B+).';
comment on column deals.currency is 'ISO 4217 currency the amount was reported in.';
comment on column deals.amount_original is 'The amount as the winning source wrote it.';
comment on column deals.lead_investors is 'Canonical names of the lead investors (union over sources).';
comment on column deals.investors is 'Canonical names of all investors, leads included (union over sources).';
comment on column deals.announced_date is 'Announcement date: an explicit date if any source gives one, else the earliest publication date.';
comment on column deals.date_basis is 'explicit or published (see announced_date).';
comment on column deals.segment is 'Segment slug from the taxonomy (see table segments).';
comment on column deals.segment_label is 'Segment display label.';
comment on column deals.layer is 'Stack layer slug of the segment: hardware, compute, models, inference, tooling, applications, non_ai, unclassified.';
comment on column deals.source_count is 'Number of distinct sources that reported the deal.';
comment on column deals.mention_count is 'Number of mentions (rows in deal_sources) merged into the deal.';
comment on column deals.warnings is 'Warn-severity rules its mentions broke (e.g. amount_large_for_round, segment_unclassified).';
comment on column deals.conflicts is 'Fields on which sources disagreed beyond tolerance (amount_usd, valuation_usd, round_type); empty when they agree.';
