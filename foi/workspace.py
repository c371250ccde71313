"""A workspace: a folder with `foi.toml`, `db/foi.db`, `templates/` and `responses/`.

Every command finds its workspace from `-w/--workspace`, else `FOI_WORKSPACE`, else the
current directory.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.errors import FoiError

if TYPE_CHECKING:
    import sqlite_utils

CONFIG_NAME = "foi.toml"
DB_PATH = Path("db") / "foi.db"

CONFIG_TEMPLATE = '''# foi workspace settings: edit freely, foi reads this file on every command.

[requester]
name = {name}
email = {email}
organisation = {organisation}
address = {address}
signature = {signature}

[deadlines]
# Extra non-working days on top of the UK bank holidays, e.g. a newly proclaimed one.
# extra_holidays = {{ "2027-06-07" = "proclaimed bank holiday" }}
extra_holidays = {{}}

[smtp]
# Password from the FOI_SMTP_PASSWORD environment variable (or the system keyring), never here.
host = ""
port = 587
security = "starttls"  # starttls | ssl | none
username = ""

[imap]
# Password from the FOI_IMAP_PASSWORD environment variable.
host = ""
port = 993
username = ""
folder = "INBOX"
'''


def bundled_templates_dir() -> Path:
    """The letter templates shipped with foi (installed copy first, then the source tree)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FoiError("foi's bundled templates are missing: reinstall foi with `pip install .`")


def _toml_string(text: str) -> str:
    if "\n" in text:
        return '"""\n' + text.replace("\\", "\\\\").replace('"""', '\\"""') + '"""'
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Workspace:
    root: Path
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def db_path(self) -> Path:
        return self.root / DB_PATH

    @property
    def responses_dir(self) -> Path:
        return self.root / "responses"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @cached_property
    def db(self) -> sqlite_utils.Database:
        from foi.db import open_db

        return open_db(self.db_path, create=True)

    @property
    def requester(self) -> dict[str, str]:
        requester = self.config.get("requester", {})
        keys = ("name", "email", "organisation", "address", "signature")
        return {key: str(requester.get(key, "") or "") for key in keys}

    @property
    def extra_holidays(self) -> dict[date, str]:
        raw = self.config.get("deadlines", {}).get("extra_holidays", {}) or {}
        days: dict[date, str] = {}
        for key, reason in raw.items():
            try:
                day = key if isinstance(key, date) else date.fromisoformat(str(key))
            except ValueError as exc:
                raise FoiError(
                    f"Bad date {key!r} in [deadlines] extra_holidays of {self.root / CONFIG_NAME}: "
                    "use \"YYYY-MM-DD\" = \"reason\"."
                ) from exc
            days[day] = str(reason)
        return days

    def section(self, name: str) -> dict[str, Any]:
        return dict(self.config.get(name, {}) or {})


# The tables foi reads and the keys of each that must be text (the others are checked where used).
_TEXT_KEYS = {
    "requester": ("name", "email", "organisation", "address", "signature"),
    "deadlines": (),
    "smtp": ("host", "security", "username"),
    "imap": ("host", "security", "username", "folder"),
}
_EXAMPLES = {
    "requester": '[requester]\nname = "Jo Bloggs"\nemail = "jo@example.org"',
    "deadlines": '[deadlines]\nextra_holidays = { "2027-06-07" = "proclaimed bank holiday" }',
    "smtp": '[smtp]\nhost = "smtp.example.org"\nport = 587',
    "imap": '[imap]\nhost = "imap.example.org"\nport = 993',
}


def load_config(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            config = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise FoiError(f"{path} is not valid TOML ({exc}). Fix the file or run `foi init` elsewhere.") from exc
    except OSError as exc:
        raise FoiError(f"Can't read {path}: {exc.strerror or exc}.") from None
    check_config(config, path)
    return config


def check_config(config: dict[str, Any], path: Path) -> None:
    """FoiError naming the table and key when foi.toml has a value of the wrong type
    (`requester = 5`, `email = 5`, `extra_holidays = "none"`), instead of a traceback later."""
    for table, keys in _TEXT_KEYS.items():
        if table not in config:
            continue
        value = config[table]
        if not isinstance(value, dict):
            example = _EXAMPLES[table].replace("\n", "; ")
            raise FoiError(f"In {path}, {table} must be a table, not {value!r}: write it as {example}.")
        for key in keys:
            if key in value and not isinstance(value[key], str):
                raise FoiError(f"In {path}, [{table}] {key} must be text in quotes, not {value[key]!r}: "
                               f'write {key} = "...".')
    holidays = config.get("deadlines", {}).get("extra_holidays")
    if holidays is not None and not isinstance(holidays, dict):
        raise FoiError(f"In {path}, [deadlines] extra_holidays must be a table, not {holidays!r}: write "
                       'extra_holidays = { "2027-06-07" = "proclaimed bank holiday" }.')


def find_workspace(path: str | Path | None = None) -> Workspace:
    """The workspace at `path`, else $FOI_WORKSPACE, else the current directory."""
    chosen = path or os.environ.get("FOI_WORKSPACE") or Path.cwd()
    root = Path(chosen).expanduser().resolve()
    config_path = root / CONFIG_NAME
    if not config_path.is_file():
        raise FoiError(
            f"No foi workspace at {root} (no {CONFIG_NAME}). "
            "Run `foi init PATH` to create one, or pass -w PATH / set FOI_WORKSPACE."
        )
    return Workspace(root=root, config=load_config(config_path))


def init_workspace(
    path: str | Path,
    *,
    name: str = "",
    email: str = "",
    organisation: str = "",
    address: str = "",
    signature: str = "",
) -> Workspace:
    """Create (or complete) a workspace: config, database with the bodies registry, templates."""
    root = Path(path).expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise FoiError(f"{root} is a file; give `foi init` a folder.")
    try:
        return _init(root, name=name, email=email, organisation=organisation, address=address, signature=signature)
    except OSError as exc:
        raise FoiError(f"Can't create a workspace at {root}: {exc.strerror or exc}"
                       f"{f' ({exc.filename})' if exc.filename else ''}. Choose a folder you can write to.") from None


def _init(root: Path, *, name: str, email: str, organisation: str, address: str, signature: str) -> Workspace:
    from foi.bodies import load_reference_bodies

    root.mkdir(parents=True, exist_ok=True)
    config_path = root / CONFIG_NAME
    if not config_path.exists():
        from foi.storage import write_atomic

        write_atomic(config_path, CONFIG_TEMPLATE.format(
                name=_toml_string(name),
                email=_toml_string(email),
                organisation=_toml_string(organisation),
                address=_toml_string(address),
                signature=_toml_string(signature or name),
            ).encode("utf-8"))
    (root / "responses").mkdir(exist_ok=True)
    templates = root / "templates"
    templates.mkdir(exist_ok=True)
    for source in bundled_templates_dir().glob("*.j2"):
        target = templates / source.name
        if not target.exists():  # never overwrite a template the user has edited
            shutil.copyfile(source, target)
    ws = Workspace(root=root, config=load_config(config_path))
    load_reference_bodies(ws.db)
    return ws
