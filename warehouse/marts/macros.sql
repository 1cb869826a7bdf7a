-- Expressions the marts share, written once. build_mart runs this file on its connection before a mart's
-- SQL; the macros are temporary (this connection only), so neither the working nor the served file holds
-- them, and a mart table never depends on them once built.

-- First day of the calendar quarter that `day` falls in (a date).
create or replace temp macro quarter_start(day) as date_trunc('quarter', day)::date;

-- Label of the calendar quarter that `day` falls in: '2026-Q1' .. '2026-Q4'.
create or replace temp macro quarter_label(day) as strftime(day, '%Y') || '-Q' || quarter(day)::varchar;
