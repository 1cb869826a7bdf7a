"""Normalisation as column operations in the working database: each distinct input once, joined back.

An export repeats the same companies, rounds, currencies, dates and segments thousands of times. Rather than
one Python call per row, every normalising function (the very ones `normalize_record` calls for a single
mention) runs once per distinct input; its answers land as a small lookup table, and DuckDB joins them back
onto every row. The USD conversion is integer arithmetic in SQL, rounded half-even as `FxTable.to_usd`
rounds, with each month's rate joined as a table. The result equals `normalize_mentions` row for row
(tests/test_columnar_normalize.py runs the same rows through both).

What is written is `normalized_values`: the derived fields with the mention's key and the provenance later
stages read for every row; the text the mention only passes through (snippet, locator, the cells as
written) stays in the extraction files, and `normalized_mentions` is a view joining the two on
`mention_key` (`create_normalized_mentions`).

Grain: one output row per input row. Units: `amount_usd` and `valuation_usd` are whole US dollars.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import duckdb
import pyarrow as pa

from assets.frames import as_list
from assets.normalize.fx import PERIOD_MONTHS
from assets.normalize.mentions import (
    INT64_MAX,
    NORMALIZED_FIELDS,
    NOT_A_NAME_WORDS,
    References,
    announced_fields,
    company_fields,
    has_segment_label,
    money_fields,
    round_type_of,
    segment_fields,
    status_of,
)
from assets.normalize.names import LEGAL_SUFFIX_WORDS
from schemas.reference.wording import NO_VALUE
from schemas.rules import OUT_OF_RANGE
from schemas.tables import NORMALIZED_MENTIONS, NORMALIZED_VALUES
from warehouse.database import create_view
from warehouse.ddl import identifier

# Digits of a whole-dollar product: value digits (at most 28, Decimal's precision) plus a rate's.
_POWERS_OF_TEN = ", ".join(f"{10**k}::hugeint" for k in range(38))
# The same powers as BIGINT, up to the largest one it holds.
_SMALL_POWERS_OF_TEN = ", ".join(f"{10**k}::bigint" for k in range(19))
# Below this, a value's units and a rate's multiply within BIGINT (2^31 * 2^31 = 2^62 < 2^63).
_SMALL_UNITS = 2**31

_MACROS = f"""
create or replace temp macro pow10(k) as [{_POWERS_OF_TEN}][k + 1];
create or replace temp macro pow10_small(k) as [{_SMALL_POWERS_OF_TEN}][k + 1];
-- p / d rounded half to even, in the type of p and d (d a power of ten; BIGINT for |p| < 2^62, where
-- no step overflows, else HUGEINT)
create or replace temp macro half_even(p, d) as sign(p) * (
    abs(p) // d
    + case
        when 2 * (abs(p) % d) > d then 1
        when 2 * (abs(p) % d) = d and (abs(p) // d) % 2 = 1 then 1
        else 0
    end
);
-- units * 10^exp times rate_units * 10^rate_exp, in whole units, rounded half to even (exponents <= 0);
-- a whole product (a whole amount in US dollars, most of an export) is taken as it is: the rounding,
-- evaluated only for the rows that need it, was a tenth of normalisation. Amounts and rates of fewer
-- than ten digits (nearly every converted amount) are divided in BIGINT: HUGEINT's division cost about
-- 0.4 s of CPU per million products, BIGINT's a fifth of that; larger ones take the HUGEINT path
create or replace temp macro whole_product(units, exp, rate_units, rate_exp) as case
    when exp + rate_exp = 0 then units::hugeint * rate_units::hugeint
    when abs(units) < {_SMALL_UNITS} and abs(rate_units) < {_SMALL_UNITS} and exp + rate_exp >= -18
        then half_even(units::bigint * rate_units::bigint, pow10_small(-(exp + rate_exp)))::hugeint
    else half_even(units::hugeint * rate_units::hugeint, pow10(-(exp + rate_exp)))
end;
"""

_UNITS = pa.decimal128(38, 0)


def _sql_strings(values: Iterable[str]) -> str:
    return ", ".join("'" + value.replace("'", "''") + "'" for value in sorted(values))


# A plain company name (ASCII letters and digits in single-spaced words, not a placeholder, not ending in a
# corporate suffix, not an alias) is its own canonical form and its lowercase is its key: what
# `company_fields` returns for it, computed in SQL. Most names in an export are plain; the others go
# through Python once per distinct value. The equality is tested on every kind of name.
_PLAIN_NAME_MACRO = f"""
create or replace temp macro plain_name(t) as
    regexp_full_match(t, '[A-Za-z0-9]+( [A-Za-z0-9]+)*')
    and lower(t) not in ({_sql_strings(NO_VALUE | set(NOT_A_NAME_WORDS))})
    and lower(regexp_extract(t, '[A-Za-z0-9]+$')) not in ({_sql_strings(LEGAL_SUFFIX_WORDS)})
    and lower(t) not in (select key from company_alias_keys);
"""


def integer_and_exponent(value: Decimal) -> tuple[Decimal, int]:
    """`value` as (whole number, exponent <= 0), exactly: Decimal('1.5E+9') -> (1500000000, 0),
    Decimal('1.0823') -> (10823, -4)."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite: parsed amounts and stored rates are never NaN
    if exponent >= 0:
        return Decimal(int(value)), 0
    return value.scaleb(-exponent), exponent


def _register_lookup(
    connection: duckdb.DuckDBPyConnection,
    name: str,
    keys: Sequence[tuple[Any, ...]],
    key_fields: Sequence[tuple[str, pa.DataType]],
    value_fields: Sequence[tuple[str, pa.DataType]],
    compute: Callable[..., tuple[Any, ...]],
) -> None:
    """Register `name`: one row per key tuple, with the values `compute(*key)` returns."""
    rows = [(*key, *compute(*key)) for key in keys]
    fields = [*key_fields, *value_fields]
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(fields)
    table = pa.Table.from_arrays(
        [pa.array(list(column), type=kind) for column, (_, kind) in zip(columns, fields, strict=True)],
        schema=pa.schema(fields),
    )
    whole = [field for field, kind in fields if kind == _UNITS]
    if not whole:
        connection.register(name, table)
        return
    # Whole units as HUGEINT, cast once per lookup row: cast from DECIMAL(38, 0) in each row's product,
    # they cost most of normalisation's arithmetic (a cast of a million decimals about 0.3 s).
    connection.register("lookup_rows", table)
    casts = ", ".join(f"cast({field} as hugeint) as {field}" for field in whole)
    connection.execute(f"create or replace temp table {name} as select * replace ({casts}) from lookup_rows")
    connection.unregister("lookup_rows")


def _distinct(connection: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    return connection.execute(sql).fetchall()


def _same(left: str, right: str, columns: Iterable[str]) -> str:
    """A join condition on several columns where NULL matches NULL (a missing cell is a key too)."""
    return " and ".join(f"{left}.{c} is not distinct from {right}.{c}" for c in columns)


_TEXT = pa.string()
_TEXT_LIST = pa.list_(pa.string())
_LOOKUPS = ("company_alias_keys", "company_python", "company_lookup", "round_lookup", "date_lookup",
            "segment_label_lookup", "segment_lookup", "investor_lookup", "status_lookup")  # fmt: skip
_LOOKUP_TABLES = ("company_texts", "money_lookup", "fx_lookup")


def normalize_table(
    connection: duckdb.DuckDBPyConnection,
    refs: References,
    source: str = "extracted_rows",
    target: str = NORMALIZED_VALUES.name,
) -> int:
    """Fill `target` (already created, declared like normalized_values) from the keyed mentions in
    `source` (declared like extracted_rows); returns the rows written. Rows land in no particular order:
    readers order by record_id."""
    src = identifier(source)
    connection.execute(_MACROS)
    try:
        every_labelled, no_status = _register_lookups(connection, refs, src)
        connection.execute(
            f"insert into {identifier(target)} by name ({_select(src, every_labelled, no_status)})"
        )
    finally:
        for name in _LOOKUPS:
            connection.execute(f"drop view if exists {name}")
        for name in _LOOKUP_TABLES:
            connection.execute(f"drop table if exists {name}")
    return connection.execute(f"select count(*) from {identifier(target)}").fetchone()[0]


# Every column of a normalized mention: what normalisation derived and the provenance it keeps from
# normalized_values `n`, the rest (snippet, locator, the cells as written) from the extraction `e`.
def mention_column(name: str) -> str:
    """Column `name` of a normalized mention, read from normalized_values `n` or the extraction `e`."""
    return f"{'n' if name in NORMALIZED_VALUES.names else 'e'}.{name}"


NORMALIZED_MENTION_COLUMNS = ", ".join(mention_column(c) for c in NORMALIZED_MENTIONS.names)
NORMALIZED_MENTION_ROWS = f"{NORMALIZED_VALUES.name} n join extracted_rows e on e.mention_key = n.mention_key"


def create_normalized_mentions(connection: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the `normalized_mentions` view over `normalized_values` and `extracted_rows`, in the
    declared columns, types and comments."""
    create_view(
        connection,
        NORMALIZED_MENTIONS.name,
        f"select {NORMALIZED_MENTION_COLUMNS} from {NORMALIZED_MENTION_ROWS}",
    )


def _register_lookups(connection: duckdb.DuckDBPyConnection, refs: References, src: str) -> tuple[bool, bool]:
    """Register the lookups `_select` joins; returns whether every mention's segment cell states a
    label (then no mention's context or snippet is read), and whether no mention states a status."""
    aliases = pa.table({"key": pa.array(sorted(refs.names.companies.canonical_by_key), type=_TEXT)})
    connection.register("company_alias_keys", aliases)
    connection.execute(_PLAIN_NAME_MACRO)
    # Each distinct company text once: whether it is plain (regular expressions over a million rows cost
    # more than the lookup of a third as many distinct names), then the names of the others in Python.
    connection.execute(
        "create or replace temp table company_texts as select company_text, "
        f"coalesce(plain_name(company_text), false) as plain from (select distinct company_text from {src})"
    )
    _register_lookup(
        connection, "company_python",
        _distinct(connection, "select company_text from company_texts where not plain"),
        [("company_text", _TEXT)],
        [("company", _TEXT), ("company_alias", _TEXT), ("company_key", _TEXT)],
        lambda text: company_fields(text, refs),
    )  # fmt: skip
    connection.execute(
        """
        create or replace temp view company_lookup as
        select company_text, company_text as company, null::varchar as company_alias,
            lower(company_text) as company_key
        from company_texts where plain
        union all select * from company_python
        """
    )
    _register_lookup(
        connection, "round_lookup",
        _distinct(connection, f"select distinct round_text from {src}"),
        [("round_text", _TEXT)], [("round_type", _TEXT)],
        lambda text: (round_type_of(text, refs),),
    )  # fmt: skip
    date_keys = ("announced_text", "date_format", "published_date", "published_precision")
    _register_lookup(
        connection, "date_lookup",
        _distinct(connection, f"select distinct {', '.join(date_keys)} from {src}"),
        [("announced_text", _TEXT), ("date_format", _TEXT), ("published_date", pa.date32()),
         ("published_precision", _TEXT)],
        [("announced_date", pa.date32()), ("date_basis", _TEXT), ("announced_date_precision", _TEXT)],
        announced_fields,
    )  # fmt: skip
    _register_lookup(
        connection, "money_lookup",
        _distinct(
            connection,
            f"select distinct amount_text, currency_text, default_currency from {src} union "
            f"select distinct valuation_text, currency_text, default_currency from {src}",
        ),
        [("money_text", _TEXT), ("currency_text", _TEXT), ("default_currency", _TEXT)],
        [("status", _TEXT), ("original", _TEXT), ("row_currency", _TEXT), ("is_floor", pa.bool_()),
         ("is_ceiling", pa.bool_()), ("huge", pa.bool_()), ("convert_currency", _TEXT), ("units", _UNITS),
         ("exp", pa.int32())],
        lambda text, currency, default: _money(money_fields(text, currency, default, refs)),
    )  # fmt: skip
    # The months each currency may be converted at: every announcement month of the dates just resolved,
    # for every currency an amount or valuation converts from. Taken from the two small lookups rather
    # than the pairs the rows hold (two joins over every row); a rate no row uses is never joined.
    fx_pairs = _distinct(
        connection,
        f"""
        select distinct m.convert_currency, date_trunc('month', d.announced_date)::date,
            {_PERIOD.format(d="d")}
        from (select distinct convert_currency from money_lookup where convert_currency is not null) m
        cross join (select distinct announced_date, announced_date_precision from date_lookup) d
        """,
    )
    _register_lookup(
        connection, "fx_lookup", fx_pairs,
        [("currency", _TEXT), ("month", pa.date32()), ("period", _TEXT)],
        [("rate_units", _UNITS), ("rate_exp", pa.int32()), ("usd_per_unit", pa.float64()),
         ("rate_month", pa.date32())],
        lambda currency, month, period: _rate(refs, currency, month, period),
    )  # fmt: skip
    _register_lookup(
        connection, "segment_label_lookup",
        _distinct(connection, f"select distinct segment_text from {src}"),
        [("segment_text", _TEXT)], [("has_label", pa.bool_())],
        lambda text: (has_segment_label(text),),
    )  # fmt: skip
    # The context is read only when no label is stated: an export with a segment column classifies each
    # distinct label once, whatever its other cells say.
    every_labelled = bool(
        _distinct(connection, "select coalesce(bool_and(has_label), true) from segment_label_lookup")[0][0]
    )
    # (the labels from their own lookup: a million rows of (label, NULL, NULL) hashed for their distinct
    # values cost more than the rows without a label; when every cell states one, the rows are not read)
    unlabelled = f"""
        union all
        select distinct e.segment_text, e.context, e.snippet
        from {src} e join segment_label_lookup l on {_same("e", "l", ("segment_text",))}
        where not l.has_label
    """
    _register_lookup(
        connection, "segment_lookup",
        _distinct(
            connection,
            "select segment_text, null as context, null as snippet from segment_label_lookup where has_label"
            + ("" if every_labelled else unlabelled),
        ),
        [("segment_text", _TEXT), ("context", _TEXT), ("snippet", _TEXT)],
        [("segment", _TEXT), ("segment_basis", _TEXT), ("layer", _TEXT)],
        lambda text, context, snippet: segment_fields(text, context, snippet, refs),
    )  # fmt: skip
    statuses = _distinct(connection, f"select distinct status from {src}")
    _register_lookup(
        connection, "status_lookup", statuses,
        [("status_text", _TEXT)], [("deal_status", _TEXT)], lambda text: (status_of(text),),
    )  # fmt: skip
    _register_lookup(
        connection, "investor_lookup",
        _distinct(
            connection,
            f"select distinct lead_investors_text from {src} union "
            f"select distinct investors_text from {src}",
        ),
        [("names", _TEXT_LIST)], [("canonical", _TEXT_LIST)],
        lambda names: (refs.names.investor_list(as_list(names)),),
    )  # fmt: skip
    # (no mention states a status, an export's usual case: every one is announced, and the join is left out)
    return every_labelled, statuses == [(None,)]


def _money(fields: Any) -> tuple[Any, ...]:
    money = fields.money
    convertible = money is not None and money.currency is not None and not fields.huge
    units, exp = integer_and_exponent(money.value) if convertible else (None, None)
    return (
        fields.status, fields.original, fields.row_currency, bool(money and money.is_floor),
        bool(money and money.is_ceiling), fields.huge, money.currency if convertible else None, units, exp,
    )  # fmt: skip


# A date's precision as the rate reads it: a quarter's or a year's mean (`FxTable.rate`), else its month.
_PERIOD = (
    f"if({{d}}.announced_date_precision in ({', '.join(repr(p) for p in PERIOD_MONTHS)}), "
    "{d}.announced_date_precision, null)"
)


def _rate(refs: References, currency: str, month: Any, period: str | None = None) -> tuple[Any, ...]:
    if currency == "USD":
        return Decimal(1), 0, 1.0, None
    found = refs.fx.rate(currency, month, period)
    if found is None:
        return None, None, None, None
    usd_per_unit, rate_month = found
    units, exp = integer_and_exponent(usd_per_unit)
    return units, exp, float(usd_per_unit), rate_month


def _converted(money: str, fx: str) -> str:
    """Whole US dollars of a money lookup row at its month's rate, or NULL when it has no rate."""
    return f"whole_product({money}.units, {money}.exp, {fx}.rate_units, {fx}.rate_exp)"


def _in_units(money: str) -> str:
    """The value of a money lookup row as a double, as Python's float() of its Decimal gives it: one
    correctly rounded product or quotient of two exact doubles (units below 2^53, powers of ten up to
    10^22), never a product by an inexact 0.1."""
    units, exp = f"{money}.units", f"{money}.exp"
    return f"if({exp} >= 0, {units}::double * pow(10, {exp}), {units}::double / pow(10, -{exp}))"


def _segment_join(every_labelled: bool) -> str:
    """The join of each mention to its segment: by its label alone when every mention states one, so
    that the snippets and contexts (the widest text of the extraction files) are not read at all; else
    by its context and snippet too where it states none."""
    if every_labelled:
        return "left join segment_lookup s on e.segment_text is not distinct from s.segment_text"
    return f"""left join segment_label_lookup l on {_same("e", "l", ("segment_text",))}
        left join segment_lookup s on e.segment_text is not distinct from s.segment_text
            and if(l.has_label, null, e.context) is not distinct from s.context
            and if(l.has_label, null, e.snippet) is not distinct from s.snippet"""


def _select(src: str, every_labelled: bool = False, no_status: bool = False) -> str:
    kept = [c for c in NORMALIZED_VALUES.names if c not in NORMALIZED_FIELDS]
    date_keys = ("announced_text", "date_format", "published_date", "published_precision")
    money_keys = ("currency_text", "default_currency")
    fits = f"between -{INT64_MAX} and {INT64_MAX}"
    return f"""
    with joined as (
        select e.*, c.company, c.company_alias, c.company_key,
            r.round_type,
            d.announced_date, d.date_basis, d.announced_date_precision,
            a.status as a_status, a.original as a_original, a.row_currency, a.is_floor as a_floor,
            a.is_ceiling as a_ceiling,
            a.huge as a_huge, {_converted("a", "fa")} as a_usd, fa.usd_per_unit, fa.rate_month,
            v.status as v_status, v.original as v_original, v.is_floor as v_floor, v.huge as v_huge,
            {_converted("v", "fv")} as v_usd, v.convert_currency as v_currency,
            {_in_units("a")} as a_units_value, {_in_units("v")} as v_units_value,
            s.segment, s.segment_basis, s.layer, li.canonical as leads, ii.canonical as all_investors,
            {"'announced' as deal_status" if no_status else "st.deal_status"}
        from {src} e
        left join company_lookup c on {_same("e", "c", ("company_text",))}
        left join round_lookup r on {_same("e", "r", ("round_text",))}
        left join date_lookup d on {_same("e", "d", date_keys)}
        left join money_lookup a on e.amount_text is not distinct from a.money_text
            and {_same("e", "a", money_keys)}
        left join money_lookup v on e.valuation_text is not distinct from v.money_text
            and {_same("e", "v", money_keys)}
        left join fx_lookup fa on a.convert_currency = fa.currency
            and date_trunc('month', d.announced_date)::date is not distinct from fa.month
            and {_PERIOD.format(d="d")} is not distinct from fa.period
        left join fx_lookup fv on v.convert_currency = fv.currency
            and date_trunc('month', d.announced_date)::date is not distinct from fv.month
            and {_PERIOD.format(d="d")} is not distinct from fv.period
        {_segment_join(every_labelled)}
        left join investor_lookup li on e.lead_investors_text is not distinct from li.names
        left join investor_lookup ii on e.investors_text is not distinct from ii.names
        {"" if no_status else "left join status_lookup st on e.status is not distinct from st.status_text"}
    )
    select {", ".join(kept)},
        company, company_alias, company_key, round_type,
        a_original as amount_original,
        case when a_huge or not coalesce(a_usd {fits}, true) then '{OUT_OF_RANGE}' else a_status end
            as amount_status,
        row_currency as currency,
        if(a_usd {fits}, a_usd::bigint, null) as amount_usd,
        coalesce(a_floor, false) as amount_is_floor,
        coalesce(a_ceiling, false) as amount_is_ceiling,
        v_original as valuation_original,
        case when v_huge or not coalesce(v_usd {fits}, true) then '{OUT_OF_RANGE}' else v_status end
            as valuation_status,
        if(v_usd {fits}, v_usd::bigint, null) as valuation_usd,
        coalesce(v_floor, false) as valuation_is_floor,
        if(a_usd {fits}, a_units_value, null) as amount_in_currency,
        if(v_usd {fits}, v_currency, null) as valuation_currency,
        if(v_usd {fits}, v_units_value, null) as valuation_in_currency,
        if(a_usd is null, null, usd_per_unit) as fx_usd_per_unit,
        if(a_usd is null, null, rate_month) as fx_rate_month,
        coalesce(leads, []) as lead_investors, coalesce(all_investors, []) as investors,
        announced_date, announced_date_precision,
        deal_status as status,
        date_basis, segment, segment_basis, layer
    from joined
    """
