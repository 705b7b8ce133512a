"""Data files: one reader for YAML and JSON, and validation problems as one-line messages.

Every data file banlens reads - actor dictionaries, relation lexicons, reference
files - goes through :func:`read_data` (YAML with the safe loader, so a file cannot
construct Python objects; JSON for a ``.json`` file) and is then validated by a
pydantic model in the module that owns its format. Gold sets and JSONL records are
validated by models of their own modules too.

A :class:`pydantic.ValidationError` lists every problem with pydantic's wording;
banlens reports one, in the format the user can act on ("mine.yml: entry 3 (acme):
field 'type': unknown type 'company'; use one of ..."). :func:`first_error` picks it,
:func:`location` gives where it is, :func:`problem` words it, and :func:`invalid`
lets a model validator word a problem itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from .errors import BanlensError
from .yamlfile import safe_load

#: How pydantic's error types read in banlens messages. ``{input!r}`` is the value
#: found, ``{type}`` its type name, ``{n}`` the (1-based) number of the item of a
#: list it is in; ``{expected}`` comes from pydantic (the allowed values).
WORDING: dict[str, str] = {
    "missing": "missing",
    "extra_forbidden": "unknown field",
    "string_type": "expected text, got {type}",
    "bool_type": "expected true or false, got {input!r}",
    "int_type": "expected an integer, got {input!r}",
    "float_type": "expected a number, got {input!r}",
    "finite_number": "expected a number, got {input!r}",
    "list_type": "expected a list, got {type}",
    "tuple_type": "expected a list, got {type}",
    "dict_type": "expected a mapping, got {type}",
    "model_type": "expected a mapping, got {type}",
    "model_attributes_type": "expected a mapping, got {type}",
    "literal_error": "{input!r} is not one of {expected}",
    "too_short": "must not be empty",
    "string_too_short": "must not be empty",
}


# --- reading ------------------------------------------------------------------------


def read_text(path: str | Path, what: str, error: type[BanlensError]) -> str:
    """The text of a UTF-8 file; ``error`` names the file and the problem otherwise.

    ``what`` names the kind of file in the messages ("actor dictionary").
    """
    where = str(path)
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{where}: {what} file not found") from None
    except IsADirectoryError:
        raise error(f"{where}: is a directory, not a {what} file") from None
    except UnicodeDecodeError as err:
        raise error(f"{where}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise error(f"{where}: cannot read ({err.strerror or err})") from None


def parse(text: str, where: str, error: type[BanlensError], *, is_json: bool = False) -> Any:
    """Parse YAML (safe: plain data only) or JSON text; a syntax error names the line."""
    if is_json:
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise error(f"{where}: line {err.lineno}: not valid JSON ({err.msg})") from None
        except RecursionError:
            raise error(f"{where}: not valid JSON (nested too deeply)") from None
    try:
        return safe_load(text)  # plain data only; alias bombs and deep nesting refused
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem_text = getattr(err, "problem", None) or str(err)
        raise error(f"{where}: {line}not valid YAML ({problem_text})") from None


def read_data(path: str | Path, what: str, error: type[BanlensError]) -> Any:
    """Read and parse a data file: JSON if its name ends in ``.json``, else YAML."""
    text = read_text(path, what, error)
    return parse(text, str(path), error, is_json=str(path).lower().endswith(".json"))


def read_bundled(name: str) -> Any:
    """Parse a data file bundled with banlens (``banlens/data/<name>``)."""
    text = (resources.files("banlens") / "data" / name).read_text(encoding="utf-8")
    return parse(text, f"<bundled {name}>", BanlensError, is_json=name.endswith(".json"))


# --- reporting validation problems ----------------------------------------------------


def invalid(message: str, *loc: str | int) -> PydanticCustomError:
    """A problem found by a model validator, worded by banlens.

    ``loc`` places it below the validated object (a validator of several fields
    names the one at fault); :func:`location` adds it to pydantic's location.
    """
    return PydanticCustomError("banlens", "{message}", {"message": message, "loc": loc})


def first_error(err: ValidationError) -> ErrorDetails:
    """The problem to report: pydantic's first, unless an unknown field sits in the
    same object or in one around it - a misspelt key explains what follows it."""
    errors = err.errors(include_url=False)
    first = errors[0]
    loc = location(first)
    unknown = [e for e in errors if e["type"] == "extra_forbidden"
               and loc[: len(e["loc"]) - 1] == e["loc"][:-1]]
    return min(unknown, key=lambda e: len(e["loc"])) if unknown else first


def location(error: ErrorDetails) -> tuple[str | int, ...]:
    """Where the problem is: pydantic's location and what :func:`invalid` added."""
    extra = (error.get("ctx") or {}).get("loc", ())
    return tuple(error["loc"]) + tuple(extra)


def problem(error: ErrorDetails, wording: Mapping[str, str] | None = None,
            field: str | int | None = None) -> str:
    """The problem in words.

    ``wording`` overrides :data:`WORDING` for one file format, by error type
    (``"list_type"``) or by field and type (``"aliases:list_type"``).
    """
    kind = error["type"]
    own = wording or {}
    template = own.get(f"{field}:{kind}") or own.get(kind) or WORDING.get(kind)
    if template is None:
        return error["msg"]
    value = error.get("input")
    numbers = [i for i in error["loc"] if isinstance(i, int)]
    context = {k: v for k, v in (error.get("ctx") or {}).items() if k != "loc"}
    return template.format(**{**context, "input": value, "type": type(value).__name__,
                              "n": numbers[-1] + 1 if numbers else 0})


def entry_at(data: Any, *path: str | int) -> Any:
    """The raw value at ``path`` inside parsed data, or None where there is none."""
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data
