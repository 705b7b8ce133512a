"""Actor dictionaries: who can be an actor, and the names they go by.

A dictionary is a YAML or JSON file::

    extends: default          # optional: start from the bundled dictionary
    actors:
      - id: trump             # unique, lowercase snake_case
        name: Donald Trump    # display label
        type: person          # one of ACTOR_TYPES
        aliases: ["Trump", "Donald Trump", "US-Präsident Trump"]
      - id: us_government
        name: US-Regierung
        type: government
        aliases: ["US-Regierung", "Washington"]
        not_part_of: ["Washington Post", "George Washington"]  # optional

Aliases are written in their base (nominative) form; the actor tagger derives the
inflected and compound forms (see :mod:`banlens.variants`). ``not_part_of`` lists
longer names that contain an alias but name something else ("Washington Post" is a
newspaper, not the US government): inside them the alias is not this actor. Every
problem raises :class:`~banlens.errors.DictionaryError` naming the file, the entry
and the field.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DictionaryError
from .yamlfile import safe_load

ACTOR_TYPES = (
    "person", "organization", "government", "country", "platform", "court", "media", "other",
)
_ENTRY_FIELDS = ("id", "name", "type", "aliases", "not_part_of")
_ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
DEFAULT = "default"
logger = logging.getLogger("banlens")


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor: a stable id, a display name, a type and the aliases it is named by.

    ``not_part_of`` holds names that contain one of the aliases but do not name
    this actor ("Washington Post" for an actor aliased "Washington").
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    not_part_of: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {"id": self.id, "name": self.name, "type": self.type,
                "aliases": list(self.aliases)}
        if self.not_part_of:
            data["not_part_of"] = list(self.not_part_of)
        return data


@dataclass(slots=True)
class ActorDictionary:
    """An ordered collection of actors, keyed by id.

    Combine dictionaries with :meth:`extend` or ``ActorDictionary.merge(a, b)``:
    an actor id that is already present keeps its place, takes the later name and
    type, and gains the later aliases and ``not_part_of`` names.
    """

    actors: dict[str, Actor] = field(default_factory=dict)
    source: str = "<dict>"

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def extend(self, other: ActorDictionary) -> ActorDictionary:
        """Return a new dictionary: this one, then ``other`` on top."""
        merged = dict(self.actors)
        for actor in other:
            old = merged.get(actor.id)
            if old is not None:
                aliases = tuple(dict.fromkeys(old.aliases + actor.aliases))
                not_part_of = tuple(dict.fromkeys(old.not_part_of + actor.not_part_of))
                actor = Actor(actor.id, actor.name, actor.type, aliases, not_part_of)
            merged[actor.id] = actor
        return ActorDictionary(merged, f"{self.source} + {other.source}")

    @classmethod
    def merge(cls, *dictionaries: ActorDictionary) -> ActorDictionary:
        result = cls()
        for dictionary in dictionaries:
            result = result.extend(dictionary) if result.actors else dictionary
        return result

    def to_dict(self) -> dict[str, Any]:
        """The dictionary in its file format (``extends`` already applied)."""
        return {"actors": [actor.to_dict() for actor in self]}

    @classmethod
    def from_dict(cls, data: Any, source: str = "<dict>") -> ActorDictionary:
        """Validate parsed YAML/JSON data and build the dictionary."""
        return _parse(data, source)


def default_dictionary() -> ActorDictionary:
    """The dictionary bundled with banlens (the US–China tech conflict of 2019–2020)."""
    ref = resources.files("banlens") / "data" / "actors.yml"
    return _parse(_read(ref.read_text(encoding="utf-8"), "actors.yml", "<bundled actors.yml>"),
                  "<bundled actors.yml>")


def load_dictionary(
    source: str | Path | ActorDictionary | Mapping[str, Any] | Iterable[Any] | None = None,
) -> ActorDictionary:
    """Load an actor dictionary.

    ``source`` may be ``None`` or ``"default"`` (the bundled dictionary), a path to
    a YAML/JSON file, an already parsed mapping, an :class:`ActorDictionary`, or a
    list of any of these, merged in order (``[banlens.default_dictionary(), "mine.yml"]``).
    """
    if source is None or (isinstance(source, str) and source == DEFAULT):
        return default_dictionary()
    if isinstance(source, ActorDictionary):
        return source
    if isinstance(source, Mapping):
        return _parse(source, "<dict>")
    if isinstance(source, str | Path):
        return _load_file(Path(source))
    if isinstance(source, Iterable):
        parts = [load_dictionary(item) for item in source]
        if not parts:
            raise DictionaryError("empty list of actor dictionaries")
        return ActorDictionary.merge(*parts)
    raise DictionaryError(f"cannot load an actor dictionary from {type(source).__name__}")


def _load_file(path: Path) -> ActorDictionary:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DictionaryError(f"{where}: actor dictionary file not found") from None
    except IsADirectoryError:
        raise DictionaryError(f"{where}: is a directory, not an actor dictionary file") from None
    except UnicodeDecodeError as err:
        message = f"{where}: not UTF-8 text ({err.reason} at byte {err.start})"
        raise DictionaryError(message) from None
    except OSError as err:
        raise DictionaryError(f"{where}: cannot read ({err.strerror})") from None
    return _parse(_read(text, path.name, where), where)


def _read(text: str, name: str, where: str) -> Any:
    if name.lower().endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise DictionaryError(
                f"{where}: line {err.lineno}: not valid JSON ({err.msg})") from None
        except RecursionError:
            raise DictionaryError(f"{where}: not valid JSON (nested too deeply)") from None
    try:
        return safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err)
        raise DictionaryError(f"{where}: {line}not valid YAML ({problem})") from None


def _parse(data: Any, where: str) -> ActorDictionary:
    if not isinstance(data, Mapping):
        raise DictionaryError(
            f"{where}: expected a mapping with an 'actors' list, got {type(data).__name__}")
    unknown = set(data) - {"actors", "extends"}
    if unknown:
        raise DictionaryError(f"{where}: unknown top-level key(s) {sorted(unknown)}; "
                              "expected 'actors' and optionally 'extends'")
    entries = data.get("actors")
    if not isinstance(entries, list):
        raise DictionaryError(f"{where}: field 'actors' must be a list of entries")
    actors: dict[str, Actor] = {}
    for index, entry in enumerate(entries, start=1):
        actor = _parse_entry(entry, index, where)
        if actor.id in actors:
            raise DictionaryError(f"{where}: entry {index} ({actor.id}): field 'id': "
                                  f"duplicate id {actor.id!r}")
        actors[actor.id] = actor
    dictionary = ActorDictionary(actors, where)
    extends = data.get("extends")
    if extends is None:
        return dictionary
    if extends != DEFAULT:
        raise DictionaryError(f"{where}: field 'extends': only 'default' is supported, "
                              f"got {extends!r} (pass several files to combine them)")
    return default_dictionary().extend(dictionary)


def _parse_entry(entry: Any, index: int, where: str) -> Actor:
    if not isinstance(entry, Mapping):
        raise DictionaryError(f"{where}: entry {index}: expected a mapping with id, name, "
                              f"type and aliases, got {type(entry).__name__}")
    actor_id = entry.get("id")
    label = f"entry {index}" + (f" ({actor_id})" if isinstance(actor_id, str) else "")

    def fail(field_name: str, problem: str) -> DictionaryError:
        return DictionaryError(f"{where}: {label}: field '{field_name}': {problem}")

    unknown = set(entry) - set(_ENTRY_FIELDS)
    if unknown:
        raise fail(sorted(unknown)[0],
                   f"unknown field (expected {', '.join(_ENTRY_FIELDS)})")
    if actor_id is None:
        raise fail("id", "missing")
    if not isinstance(actor_id, str) or not _ID_PATTERN.match(actor_id):
        raise fail("id", f"must be lowercase snake_case, got {actor_id!r}")
    aliases = entry.get("aliases")
    if aliases is None:
        raise fail("aliases", "missing")
    cleaned = _names(aliases, "aliases", "alias", fail)
    if not cleaned:
        raise fail("aliases", "must be a non-empty list of names")
    for alias in cleaned:
        _warn_if_common(alias, f"{where}: {label}: field 'aliases'")
    not_part_of = _names(entry.get("not_part_of") or [], "not_part_of", "name", fail)
    name = entry.get("name", cleaned[0])
    if not isinstance(name, str) or not name.strip():
        raise fail("name", "must be non-empty text")
    actor_type = entry.get("type", "other")
    if actor_type not in ACTOR_TYPES:
        raise fail("type", f"unknown type {actor_type!r}; use one of {', '.join(ACTOR_TYPES)}")
    return Actor(actor_id, name.strip(), actor_type, tuple(dict.fromkeys(cleaned)),
                 tuple(dict.fromkeys(not_part_of)))


def _warn_if_common(alias: str, where: str) -> None:
    """Warn about an alias that would tag almost every text: one character, or a
    common German word ("die", "aber"). It is kept: the user may mean it."""
    from spacy.lang.de.stop_words import STOP_WORDS

    if len(alias) == 1:
        problem = "is a single character"
    elif alias.lower() in STOP_WORDS:
        problem = "is a common German word"
    else:
        return
    logger.warning("banlens: warning: %s: alias %r %s; it will match in almost every text",
                   where, alias, problem)


def _names(value: Any, field_name: str, what: str,
           fail: Callable[[str, str], DictionaryError]) -> list[str]:
    """A list of names (a single string counts as a list of one), whitespace folded."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise fail(field_name, f"must be a list of names, got {type(value).__name__}")
    names: list[str] = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, str):
            raise fail(field_name, f"{what} {number} must be text, got {item!r}")
        item = " ".join(item.split())
        if not item:
            raise fail(field_name, f"{what} {number} is empty")
        names.append(item)
    return names
