"""Stage 1: a document -> grids, each with its sheet or page provenance (`foi.readers`).

While the file is read (calamine and pdfplumber's worker spend most of a read outside the GIL),
the modules and indexes the later stages need are loaded in a second thread, so a first small
file does not pay for them after its read.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foi.readers import ReadResult


def read_document(path: Path) -> ReadResult:
    """The grids of one file; never raises for a bad file (status "error" with a reason)."""
    from foi.readers import read_file

    with ThreadPoolExecutor(max_workers=1) as pool:
        loading: list[Future[None]] = []

        def start() -> None:
            # Not during xlsx's pre-check: it holds the interpreter as the loading does, and would wait.
            if not loading:
                loading.append(pool.submit(_load_later_stages))

        result = read_file(path, start)
        start()
        loading[0].result()
    return result


def _load_later_stages() -> None:
    """The modules and indexes that finding, coding and storing a table use (about 0.2 s cold, the
    layout's modules and their patterns included); after the first file, a no-op."""
    import rapidfuzz.fuzz
    import rapidfuzz.process  # noqa: F401

    from foi import codes, values  # noqa: F401
    from foi.figures import _layout_assemble, _totals, coding, rows, storing  # noqa: F401

    codes.load_indexes()
    # coding builds its vocabularies on first use: a first call of each kind, while the file is read.
    coding.recognise("Police force area", ["Durham", "Kent"])
    coding.recognise(None, ["2019/20", "Adult caution", "Burglary", "Male", "Under 18", "White"])
    coding.context(["Arrests, year ending March 2021"])
    coding.clean_label("Robbery3", ["Burglary"])
    coding.unit_of(["Rate per 1,000 population"])
