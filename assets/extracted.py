"""Asset `extracted_deals`: every deal mention in the current version of every document."""

import dagster as dg
import pandas as pd

from assets.documents import documents
from assets.metadata import counts, preview
from assets.parsing.dispatch import EXTRACTED_COLUMNS, extract_document
from orchestration.resources import SourceRegistryResource, WarehouseResource
from warehouse.database import current_documents

PARSE_CHECK = "documents_parsed"


@dg.asset(
    group_name="transform",
    deps=[documents],
    kinds={"python", "duckdb"},
    check_specs=[
        dg.AssetCheckSpec(
            PARSE_CHECK, asset="extracted_deals", description="Every current document could be parsed."
        )
    ],
)
def extracted_deals(
    context: dg.AssetExecutionContext, sources: SourceRegistryResource, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """One row per deal mention (table row, table-in-page row, or prose sentence) in the newest version
    of every document of every enabled source, with provenance: source, document sha256 and URL,
    extraction method, locator and snippet. Reads stored bodies only: replays need no network.
    """
    registry = {source.id: source for source in sources.load()}
    store = warehouse.raw_store()
    with warehouse.working().connect() as connection:
        current = current_documents(connection, list(registry))
    frames, errors = [], []
    for document in current.itertuples():
        try:
            frames.append(
                extract_document(
                    registry[document.source_id],
                    document.url,
                    document.sha256,
                    document.content_type,
                    store.path(document.sha256),
                )
            )
        except Exception as error:  # one bad document must not stop the refresh; it is recorded
            errors.append(
                {
                    "source_id": document.source_id,
                    "url": document.url,
                    "sha256": document.sha256,
                    "error_class": type(error).__name__,
                    "error_message": str(error) or repr(error),
                    "run_id": context.run.run_id,
                }
            )
            context.log.warning(f"could not parse {document.url}: {type(error).__name__}: {error}")
    extracted = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=EXTRACTED_COLUMNS)
    errors_frame = pd.DataFrame(errors)
    with warehouse.working().connect() as connection:
        warehouse.working().replace(connection, "extracted_deals", extracted)
        warehouse.working().replace(connection, "extraction_errors", errors_frame)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(extracted),
            "documents": len(current),
            "by_source": counts(extracted["source_id"]) if not extracted.empty else {},
            "by_method": counts(extracted["method"]) if not extracted.empty else {},
            "preview": preview(
                extracted,
                [
                    "source_id",
                    "method",
                    "locator",
                    "company_text",
                    "round_text",
                    "amount_text",
                    "valuation_text",
                    "segment_text",
                ],
            ),
        },
        check_results=[
            dg.AssetCheckResult(
                check_name=PARSE_CHECK,
                passed=not errors,
                severity=dg.AssetCheckSeverity.WARN,
                metadata={"unparsed_documents": len(errors), "errors": preview(errors_frame)},
            )
        ],
    )
