"""`foi tables`: how foi reads a file (rows, columns, header cells, recognised dimensions)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from foi.cli import app
from foi.cli.common import JsonOpt, console, print_json


@app.command()
def tables(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...",
                                                help="Files to read (xlsx, xls, ods, csv, pdf, docx, html).")],
    json_out: JsonOpt = False,
) -> None:
    """Show how foi reads each table of FILES: every row's role, every column's header cells and role."""
    from foi.figures.describe import describe_files

    described = describe_files(files)
    if json_out:
        print_json(described)
        return
    _show(described)


def _show(described: list[dict[str, Any]]) -> None:
    from rich.padding import Padding
    from rich.table import Table

    from foi.figures.describe import row_runs

    out = console()
    for item in described:
        out.print(f"[bold]{item['file']}[/bold]" + ("" if item["tables"] else ": no tables"))
        for t in item["tables"]:
            where = " ".join(p for p in (f"sheet {t['sheet']}" if t["sheet"] is not None else "",
                                         f"page {t['page']}" if t["page"] is not None else "") if p)
            kind = "" if t["kind"] == "table" else f" ({t['kind']})"
            out.print(f"  table {t['table_index']}{kind}" + (f", {where}" if where else ""))
            runs = row_runs(t["rows"])
            out.print("    rows: " + ", ".join(f"{a}" + (f"-{b}" if b != a else "") + f" {role}"
                                                for a, b, role in runs), soft_wrap=False)
            cols = [c for c in t["columns"] if c["role"] != "ignored"]
            tbl = Table(show_lines=False, header_style="bold", box=None, padding=(0, 2, 0, 0))
            for name in ("col", "role", "header rows", "header", "dimension"):
                tbl.add_column(name, overflow="fold")
            for c in cols:
                tbl.add_row(str(c["col"]), c["role"], ",".join(map(str, c["header_rows"])),
                            " / ".join(c["header"])[:60], c["dimension"] or "")
            out.print(Padding(tbl, (0, 0, 0, 4)))
            ignored = [str(c["col"]) for c in t["columns"] if c["role"] == "ignored"]
            if ignored:
                out.print(f"    ignored columns: {', '.join(ignored)}")
            for doubt in t.get("doubts", []):
                out.print(f"    doubt: {doubt}")
