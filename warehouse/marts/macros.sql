-- Expressions the marts share, written once. build_mart runs this file on its connection before a mart's
-- SQL; the macros are temporary (this connection only), so neither the working nor the served file holds
-- them, and a mart table never depends on them once built.

-- First day of the calendar quarter that `day` falls in (a date).
create or replace temp macro quarter_start(day) as date_trunc('quarter', day)::date;

-- Label of the calendar quarter that `day` falls in: '2026-Q1' .. '2026-Q4'; 'undated' for a deal nothing
-- dates (its quarter_start is NULL, so it sorts last).
create or replace temp macro quarter_label(day) as coalesce(
    strftime(day, '%Y') || '-Q' || quarter(day)::varchar, 'undated'
);

-- Calendar year of `day` as text ('2026'); 'undated' for a deal nothing dates.
create or replace temp macro year_label(day) as coalesce(strftime(day, '%Y'), 'undated');
