-- mart_funding_by_layer
-- Grain: one row per (quarter of announcement, stack layer). Keys: quarter, layer.
-- Units: whole US dollars. share_of_quarter = this layer's disclosed total / the quarter's disclosed total.
-- Reads: deals, announced rounds only: a reported round (talks, sources say) stays in deals, marked, and
-- adds nothing here (it would count twice once the round is announced).
with

announced_deals as (
    select
        announced_date,
        announced_date_precision,
        layer,
        amount_usd
    from main.deals
    where status = 'announced'
),

layer_quarters as (
    select
        quarter_start(announced_date, announced_date_precision) as quarter_start,
        quarter_label(announced_date, announced_date_precision) as quarter,
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
        -- By label, not quarter_start: deals dated only by a year and undated ones share a NULL start.
        sum(amount_usd_total) over (partition by quarter) as quarter_amount_usd_total
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
order by quarter_start, quarter, layer
