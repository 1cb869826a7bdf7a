-- Expressions the marts share, written once. build_mart runs this file on its connection before a mart's
-- SQL; the macros are temporary (this connection only), so neither the working nor the served file holds
-- them, and a mart table never depends on them once built.

-- First day of the calendar quarter that `day` falls in (a date). NULL when `day_precision` is 'year': a
-- deal dated only by its year is stored on 1 January, and counting it in Q1 would swell every first quarter.
create or replace temp macro quarter_start(day, day_precision) as case
    when day_precision = 'year' then null
    else date_trunc('quarter', day)::date
end;

-- Label of the calendar quarter that `day` falls in: '2026-Q1' .. '2026-Q4'; '2026 (year only)' for a deal
-- its sources date only by the year, and 'undated' for a deal nothing dates (both with a NULL quarter_start,
-- so they sort after every quarter).
create or replace temp macro quarter_label(day, day_precision) as case
    when day is null then 'undated'
    when day_precision = 'year' then strftime(day, '%Y') || ' (year only)'
    else strftime(day, '%Y') || '-Q' || quarter(day)::varchar
end;

-- Calendar year of `day` as text ('2026'); 'undated' for a deal nothing dates.
create or replace temp macro year_label(day) as coalesce(strftime(day, '%Y'), 'undated');
