-- mart_funding_by_segment
-- Grain: one row per (quarter of announcement, segment). Keys: quarter, segment.
-- Units: amounts in whole US dollars; undisclosed amounts count in deal_count but add nothing to sums.
-- Reads: deals, announced rounds only: a reported round (talks, sources say) stays in deals, marked, and
-- adds nothing here (it would count twice once the round is announced).
with

announced_deals as (
    select
        announced_date,
        announced_date_precision,
        layer,
        segment,
        segment_label,
        amount_usd
    from main.deals
    where status = 'announced'
),

final as (
    select
        quarter_start(announced_date, announced_date_precision) as quarter_start,
        quarter_label(announced_date, announced_date_precision) as quarter,
        layer,
        segment,
        any_value(segment_label) as segment_label,
        count(*)::integer as deal_count,
        count(amount_usd)::integer as disclosed_deal_count,
        coalesce(sum(amount_usd), 0)::bigint as amount_usd_total,
        median(amount_usd)::bigint as amount_usd_median,
        max(amount_usd) as amount_usd_max
    from announced_deals
    group by all
)

select * from final
order by quarter_start, quarter, layer, segment
