"""Reference data files (taxonomy, vocabularies, aliases, FX rates) shipped with dealmap."""

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent
TAXONOMY_PATH = REFERENCE_DIR / "taxonomy.toml"
ROUND_TYPES_PATH = REFERENCE_DIR / "round_types.toml"
CURRENCIES_PATH = REFERENCE_DIR / "currencies.toml"
ALIASES_PATH = REFERENCE_DIR / "aliases.toml"
FX_RATES_PATH = REFERENCE_DIR / "fx_usd_monthly.csv"
