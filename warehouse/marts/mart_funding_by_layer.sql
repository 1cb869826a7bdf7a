-- mart_funding_by_layer
-- Grain: one row per (quarter of announcement, stack layer). Keys: quarter, layer.
-- Units: whole US dollars. share_of_quarter = this layer's disclosed total / the quarter's disclosed total.
-- Reads: deals.
create or replace table mart_funding_by_layer as
with

announced_deals as (
    select
        announced_date,
        layer,
        amount_usd
    from main.deals
),

layer_quarters as (
    select
        quarter_start(announced_date) as quarter_start,
        quarter_label(announced_date) as quarter,
        layer,
        count(*)::integer as deal_count,
        count(amount_usd)::integer as disclosed_deal_count,
        coalesce(sum(amount_usd), 0)::bigint as amount_usd_total
    from announced_deals
    group by all
),

layer_quarters_with_quarter_total as (
    select
        *,
        sum(amount_usd_total) over (partition by quarter_start) as quarter_amount_usd_total
    from layer_quarters
),

final as (
    select
        quarter_start,
        quarter,
        layer,
        deal_count,
        disclosed_deal_count,
        amount_usd_total,
        -- NULL, not a division by zero, when nothing in the quarter was disclosed.
        case
            when quarter_amount_usd_total > 0 then amount_usd_total / quarter_amount_usd_total
        end as share_of_quarter
    from layer_quarters_with_quarter_total
)

select * from final
order by quarter_start, layer;

comment on table mart_funding_by_layer is 'Funding by stack layer and quarter, with each layer''s share of the quarter. Grain: quarter x layer. Whole US dollars.';
comment on column mart_funding_by_layer.quarter_start is 'First day of the quarter of announcement.';
comment on column mart_funding_by_layer.quarter is 'Quarter label, e.g. 2026-Q1.';
comment on column mart_funding_by_layer.layer is 'Stack layer slug (hardware, compute, models, inference, tooling, applications, non_ai, unclassified).';
comment on column mart_funding_by_layer.deal_count is 'Deals announced.';
comment on column mart_funding_by_layer.disclosed_deal_count is 'Deals with a disclosed amount.';
comment on column mart_funding_by_layer.amount_usd_total is 'Sum of disclosed amounts, whole USD.';
comment on column mart_funding_by_layer.share_of_quarter is 'This layer''s share of the quarter''s disclosed total (0..1); NULL when the quarter has none.';
