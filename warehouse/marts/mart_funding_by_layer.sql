-- mart_funding_by_layer
-- Grain: one row per (quarter of announcement, stack layer). Keys: quarter, layer.
-- Units: whole US dollars. share_of_quarter = this layer's disclosed total / the quarter's disclosed total.
create or replace table mart_funding_by_layer as
with by_layer as (
    select
        date_trunc('quarter', announced_date)::date as quarter_start,
        layer,
        count(*)::integer as deal_count,
        count(amount_usd)::integer as disclosed_deal_count,
        coalesce(sum(amount_usd), 0)::bigint as amount_usd_total
    from main.deals
    group by all
),
with_share as (
    select
        quarter_start,
        strftime(quarter_start, '%Y') || '-Q' || quarter(quarter_start)::varchar as quarter,
        layer,
        deal_count,
        disclosed_deal_count,
        amount_usd_total,
        case when sum(amount_usd_total) over (partition by quarter_start) > 0
             then amount_usd_total / sum(amount_usd_total) over (partition by quarter_start)
        end as share_of_quarter
    from by_layer
)
select * from with_share
order by quarter_start, layer;

comment on table mart_funding_by_layer is 'Funding by stack layer and quarter, with each layer''s share of the quarter. Grain: quarter x layer. Whole US dollars.';
comment on column mart_funding_by_layer.quarter_start is 'First day of the quarter of announcement.';
comment on column mart_funding_by_layer.quarter is 'Quarter label, e.g. 2026-Q1.';
comment on column mart_funding_by_layer.layer is 'Stack layer slug (hardware, compute, models, inference, tooling, applications, non_ai, unclassified).';
comment on column mart_funding_by_layer.deal_count is 'Deals announced.';
comment on column mart_funding_by_layer.disclosed_deal_count is 'Deals with a disclosed amount.';
comment on column mart_funding_by_layer.amount_usd_total is 'Sum of disclosed amounts, whole USD.';
comment on column mart_funding_by_layer.share_of_quarter is 'This layer''s share of the quarter''s disclosed total (0..1); NULL when the quarter has none.';
