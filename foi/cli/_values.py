"""Command-line values checked without pydantic where typer's check comes to a copy.

typer (0.2x on) checks every parameter's value with a pydantic TypeAdapter it builds when the
parameter is first processed, given or not: importing pydantic and building the adapters is a
third of a small command such as `foi tables small.csv` (bench/bench_startup.py). foi's parameters
are nearly all text, lists of text and paths, where that check returns the text as given (a list
of it) or `Path(text)`, then typer's own path checks. Those values are produced here the same way
(paths still go through typer's `coerce_cli_path`); every other value (numbers, pairs, anything a
later typer checks differently) goes to typer's own check, built only when such a value is given.
A typer without these internals is left alone (tests/test_cli_values.py holds the two to the same
results over every parameter of every command).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, get_args, get_origin


def fast_values(command: Any) -> None:
    """Have `command` and its subcommands, all the way down, check their values directly."""
    if _plain_class() is None:
        return
    stack = [command]
    while stack:
        cmd = stack.pop()
        if "parse_args" not in vars(cmd):
            cmd.parse_args = _parsing(cmd, cmd.parse_args)
        stack.extend(getattr(cmd, "commands", {}).values())


def _parsing(command: Any, parse_args: Any) -> Any:
    def parse(ctx: Any, args: list[str]) -> Any:
        plain_values(command, ctx)
        return parse_args(ctx, args)

    return parse


def plain_values(command: Any, ctx: Any) -> None:
    """Give the parameters `command` parses in `ctx` (its --help included) the direct check."""
    plain = _plain_class()
    if plain is None:
        return
    for param in command.get_params(ctx):
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", False) is None:
            param._runtime_param = plain(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation,
                                         descriptor=descriptor)


@cache
def _plain_class() -> Any:
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path
    except ImportError:  # an older typer (no pydantic) or a newer one laid out otherwise
        return None

    @dataclass(frozen=True)
    class PlainRuntimeParam(RuntimeParam):  # type: ignore[misc]
        """typer's check of one parameter, done directly for text and paths."""

        descriptor: Any

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            kind = _kind(self.descriptor)
            if kind is not None:
                many = kind[0] == "list"
                items = value if many and isinstance(value, (list, tuple)) else None if many else (value,)
                if items is not None and all(type(item) is str for item in items):
                    if kind[1] == "str":
                        return list(items) if many else value
                    # typer's path check, given the Path its pydantic step would have made of the text.
                    info = self.descriptor.parameter_info
                    paths = [coerce_cli_path(Path(item), info, path_type=Path, param=param, ctx=ctx)
                             for item in items]
                    return paths if many else paths[0]
            # Anything else is typer's, as it would have been from the start.
            real = build_runtime_param(self.descriptor)
            param._runtime_param = real
            return real._coerce_value(value, param=param, ctx=ctx)

    return PlainRuntimeParam


def _kind(descriptor: Any) -> tuple[str, str] | None:
    """("one"|"list", "str"|"path") for the parameters checked here, else None."""
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None:
        return None
    annotation, many = descriptor.annotation, "one"
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation) or (None,)
        many = "list"
    if annotation is str:
        return many, "str"
    if annotation is Path and getattr(info, "path_type", None) is None:
        return many, "path"
    return None
