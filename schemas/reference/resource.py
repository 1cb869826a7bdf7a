"""The `reference_data` resource: the reference files a run reads, read once per run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
from pydantic import Field, PrivateAttr

from schemas.reference import BUNDLED_DIR
from schemas.reference.reference_data import ReferenceData
from schemas.settings import resolved_path


class ReferenceDataResource(dg.ConfigurableResource):
    """Taxonomy, vocabularies, aliases and FX rates (default `$DEALMAP_REFERENCE_DIR`, else the files
    shipped in `schemas/reference/`)."""

    directory: str = Field(
        default="",
        description="Reference data directory; default $DEALMAP_REFERENCE_DIR or the bundled files.",
    )
    _loaded: ReferenceData | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._loaded = None  # each run reads the files afresh: an edit applies from the next run

    def for_run(self) -> ReferenceData:
        """The run's reference data, read on first use and then shared by its assets and checks."""
        if self._loaded is None:
            self._loaded = ReferenceData(resolved_path(self.directory, "DEALMAP_REFERENCE_DIR", BUNDLED_DIR))
        return self._loaded

    @contextmanager
    def in_use(self) -> Iterator[ReferenceData]:
        """The run's reference data, in use by the library code called inside the block."""
        with self.for_run().in_use() as data:
            yield data
