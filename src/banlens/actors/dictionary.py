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
inflected and compound forms (see :mod:`banlens.german.inflection`). ``not_part_of`` lists
longer names that contain an alias but name something else ("Washington Post" is a
newspaper, not the US government): inside them the alias is not this actor. Every
problem raises :class:`~banlens.errors.DictionaryError` naming the file, the entry
and the field; the format is the pydantic model :class:`DictionaryFile`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from ..datafiles import entry_at, first_error, invalid, location, problem, read_bundled, read_data
from ..errors import DictionaryError

ACTOR_TYPES = (
    "person", "organization", "government", "country", "platform", "court", "media", "other",
)
_ID_PATTERN = r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$"
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
    """The dictionary bundled with banlens (the US–China tech conflict of 2019–2020).

    Returns
    -------
    ActorDictionary
        A new copy of the bundled actors.

    Examples
    --------
    >>> import banlens
    >>> actors = banlens.default_dictionary()
    >>> actors["tiktok"].type
    'platform'
    """
    return _parse(read_bundled("actors.yml"), "<bundled actors.yml>")


def load_dictionary(
    source: str | Path | ActorDictionary | Mapping[str, Any] | Iterable[Any] | None = None,
) -> ActorDictionary:
    """Load an actor dictionary.

    Parameters
    ----------
    source : str, Path, mapping, ActorDictionary, list or None
        ``None`` or ``"default"`` (the bundled dictionary), a path to a YAML/JSON
        file, an already parsed mapping, an :class:`ActorDictionary`, or a list of any
        of these, merged in order (``[banlens.default_dictionary(), "mine.yml"]``).

    Returns
    -------
    ActorDictionary
        The actors, keyed by id.

    Raises
    ------
    DictionaryError
        Naming the file, the entry and the field of the first problem.

    Examples
    --------
    >>> import banlens
    >>> mine = banlens.load_dictionary({"actors": [
    ...     {"id": "acme", "name": "Acme AG", "type": "organization", "aliases": ["Acme"]}]})
    >>> mine["acme"].name
    'Acme AG'
    >>> both = banlens.load_dictionary([banlens.default_dictionary(), mine])
    >>> len(both) == len(banlens.default_dictionary()) + 1
    True
    """
    if source is None or (isinstance(source, str) and source == DEFAULT):
        return default_dictionary()
    if isinstance(source, ActorDictionary):
        return source
    if isinstance(source, Mapping):
        return _parse(source, "<dict>")
    if isinstance(source, str | Path):
        return _parse(read_data(source, "actor dictionary", DictionaryError), str(source))
    if isinstance(source, Iterable):
        parts = [load_dictionary(item) for item in source]
        if not parts:
            raise DictionaryError("empty list of actor dictionaries")
        return ActorDictionary.merge(*parts)
    raise DictionaryError(f"cannot load an actor dictionary from {type(source).__name__}")


# -- the file format ---------------------------------------------------------------------


def _stripped(text: str) -> str:
    text = text.strip()
    if not text:
        raise invalid("is empty")
    return text


def _folded(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise invalid("is empty")
    return text


def _one_or_many(value: Any) -> Any:
    """A single name counts as a list of one."""
    return [value] if isinstance(value, str) else value


Names = Annotated[list[Annotated[str, AfterValidator(_folded)]], BeforeValidator(_one_or_many)]


class ActorEntry(BaseModel):
    """One entry of the ``actors`` list, as written in the file."""

    model_config = ConfigDict(extra="forbid", strict=True)

    id: Annotated[str, Field(pattern=_ID_PATTERN)]
    name: Annotated[str, AfterValidator(_stripped)] | None = None  # default: the first alias
    type: Literal[ACTOR_TYPES] = "other"  # type: ignore[valid-type]
    aliases: Annotated[Names, Field(min_length=1)]
    not_part_of: Names = []


class DictionaryFile(BaseModel):
    """An actor dictionary file: ``actors`` and, optionally, ``extends: default``."""

    model_config = ConfigDict(extra="forbid", strict=True)

    extends: Literal["default"] | None = None
    actors: list[ActorEntry]


_SNAKE_CASE = "must be lowercase snake_case, got {input!r}"
_WORDING = {
    "extra_forbidden": f"unknown field (expected {', '.join(ActorEntry.model_fields)})",
    "id:string_type": _SNAKE_CASE,
    "id:string_pattern_mismatch": _SNAKE_CASE,
    "name:string_type": "must be non-empty text",
    "name:banlens": "must be non-empty text",
    "type:literal_error": f"unknown type {{input!r}}; use one of {', '.join(ACTOR_TYPES)}",
    "aliases:list_type": "must be a list of names, got {type}",
    "aliases:too_short": "must be a non-empty list of names",
    "aliases:string_type": "alias {n} must be text, got {input!r}",
    "aliases:banlens": "alias {n} {message}",
    "not_part_of:list_type": "must be a list of names, got {type}",
    "not_part_of:string_type": "name {n} must be text, got {input!r}",
    "not_part_of:banlens": "name {n} {message}",
}


def _message(error: ErrorDetails, data: Any, where: str) -> str:
    """The validation problem as "file: entry N (id): field 'x': problem"."""
    loc = location(error)
    if not loc:
        return (f"{where}: expected a mapping with an 'actors' list, "
                f"got {type(data).__name__}")
    if loc[0] != "actors":
        if error["type"] == "extra_forbidden":
            return (f"{where}: unknown top-level key {loc[0]!r}; "
                    "expected 'actors' and optionally 'extends'")
        return (f"{where}: field 'extends': only 'default' is supported, got "
                f"{error['input']!r} (pass several files to combine them)")
    if len(loc) == 1:
        return f"{where}: field 'actors' must be a list of entries"
    actor_id = entry_at(data, "actors", loc[1], "id")
    label = f"entry {loc[1] + 1}" + (f" ({actor_id})" if isinstance(actor_id, str) else "")
    if len(loc) == 2:
        return (f"{where}: {label}: expected a mapping with id, name, type and aliases, "
                f"got {type(error['input']).__name__}")
    field_name = loc[2]
    return f"{where}: {label}: field '{field_name}': {problem(error, _WORDING, field_name)}"


def _parse(data: Any, where: str) -> ActorDictionary:
    if isinstance(data, Mapping) and not isinstance(data, dict):
        data = dict(data)
    try:
        parsed = DictionaryFile.model_validate(data)
    except ValidationError as err:
        raise DictionaryError(_message(first_error(err), data, where)) from None
    actors: dict[str, Actor] = {}
    for index, entry in enumerate(parsed.actors, start=1):
        if entry.id in actors:
            raise DictionaryError(f"{where}: entry {index} ({entry.id}): field 'id': "
                                  f"duplicate id {entry.id!r}")
        aliases = tuple(dict.fromkeys(entry.aliases))
        for alias in aliases:
            _warn_if_common(alias, f"{where}: entry {index} ({entry.id}): field 'aliases'")
        actors[entry.id] = Actor(entry.id, entry.name or aliases[0], entry.type, aliases,
                                 tuple(dict.fromkeys(entry.not_part_of)))
    dictionary = ActorDictionary(actors, where)
    if parsed.extends is None:
        return dictionary
    return default_dictionary().extend(dictionary)


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
