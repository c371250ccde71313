"""Letter templates: jinja2 with undefined variables as errors.

A template sees `body` (the recipient), `requester` (from foi.toml), `vars` (the batch's
`--var` values), `reference` (ours, e.g. FOI-CAUTIONS-0007), `today`, `batch` (its name) and
`request` (sent_on, due_on, force_reference, status: empty for a new request).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.errors import FoiError
from foi.workspace import Workspace, bundled_templates_dir

SUFFIXES = (".txt.j2", ".md.j2", ".j2", "")


@lru_cache(maxsize=4)
def _environment(search_dir: str) -> Any:
    import jinja2

    # foi's own templates come second, so a letter copied into a workspace still finds the partials
    # it imports (`_escalate-arguments.txt.j2`) when the workspace has no copy of them.
    folders = list(dict.fromkeys([search_dir, str(bundled_templates_dir())]))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # letters are plain text; e-mail headers are built and checked separately
    )
    env.filters["longdate"] = lambda d: _long_date(d)
    return env


def _long_date(value: Any) -> str:
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


def find_template(ws: Workspace | None, name: str) -> Path:
    """A template by file path, or by name in the workspace's templates/ (then foi's own)."""
    direct = Path(name).expanduser()
    if direct.is_file():
        return direct.resolve()
    folders = [ws.templates_dir] if ws else []
    folders.append(bundled_templates_dir())
    for folder in folders:
        for suffix in SUFFIXES:
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return candidate
    # Names starting with "_" are partials that letters import, not letters.
    known = sorted({p.name.split(".")[0] for f in folders if f.is_dir() for p in f.glob("*.j2")
                    if not p.name.startswith("_")})
    raise FoiError(f"Unknown template {name!r}. Templates: {', '.join(known)} (or give a file path).")


ESCALATION_PREFIX = "escalate-"


def render(path: Path, context: dict[str, Any]) -> str:
    import jinja2

    if path.name.startswith(ESCALATION_PREFIX) and "escalation" not in context:
        raise FoiError(f"{path.name} is a letter that `foi escalate NAME --write DIR` fills from a request's "
                       "record; it can't be a batch's request or a `foi letters` template.")

    env = _environment(str(path.parent))
    try:
        template = env.get_template(path.name)
        return template.render(**context)
    except jinja2.UndefinedError as exc:
        raise FoiError(f"{path.name}: {exc.message}. Pass it with --var KEY=VALUE or fix the template.") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise FoiError(f"{path.name} line {exc.lineno}: {exc.message}.") from exc


def render_string(source: str, context: dict[str, Any], what: str = "subject") -> str:
    import jinja2

    env = _environment(str(bundled_templates_dir()))
    try:
        return env.from_string(source).render(**context)
    except jinja2.UndefinedError as exc:
        raise FoiError(f"The {what} {source!r}: {exc.message}. Pass it with --var KEY=VALUE.") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise FoiError(f"The {what} {source!r} is not a valid template: {exc.message}.") from exc


def build_context(ws: Workspace, body: dict[str, Any], *, reference: str, vars: dict[str, str],
                  today: date, batch: str, request: dict[str, Any] | None = None) -> dict[str, Any]:
    request = request or {}
    return {
        "body": body,
        "requester": ws.requester,
        "vars": vars,
        "reference": reference,
        "today": today,
        "batch": batch,
        "request": {
            key: request.get(key)
            for key in ("sent_on", "due_on", "force_reference", "status", "received_on")
        },
    }


@dataclass
class CheckFailure:
    body: str
    error: str


def check_template(ws: Workspace, template: str, bodies: list[dict[str, Any]], *, vars: dict[str, str],
                   today: date, batch: str = "check", subject: str | None = None,
                   references: dict[str, str] | None = None,
                   requests: dict[str, dict[str, Any]] | None = None) -> list[CheckFailure]:
    """Render for every recipient; one failure per recipient that doesn't render."""
    path = find_template(ws, template)
    failures = []
    for index, body in enumerate(bodies, start=1):
        reference = (references or {}).get(body["slug"], f"FOI-CHECK-{index:04d}")
        context = build_context(ws, body, reference=reference, vars=vars, today=today, batch=batch,
                                request=(requests or {}).get(body["slug"]))
        try:
            for variant in _variants(path, context):
                render(path, variant)
            if subject is not None:
                render_string(subject, context)
        except FoiError as exc:
            failures.append(CheckFailure(body=body["slug"], error=str(exc)))
    return failures


def _variants(path: Path, context: dict[str, Any]) -> list[dict[str, Any]]:
    """The contexts a template is checked with: escalation letters (`escalate-*`) get made-up
    escalations that take every branch they have."""
    if path.name.startswith(ESCALATION_PREFIX):
        from foi.escalate.drafts import sample_contexts

        return sample_contexts(context)
    return [context]


def parse_vars(pairs: list[str] | None) -> dict[str, str]:
    result: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise FoiError(f"Bad --var {pair!r}: write KEY=VALUE, e.g. --var first_year=2019/20.")
        result[key] = value
    return result
