"""The reference file: which nouns describe which kinds of actor (``data/references.yml``).

Read by the reference resolver (:mod:`banlens.actors.references`). Each class lists
the actor types its nouns can stand for, the nouns with their gender, and which
compounds ending in a noun count (``all``, ``hyphen`` or ``none``); ``not_part_of``
lists compound heads that name another actor. The format is the pydantic model
:class:`ReferenceFile`; a problem raises :class:`~banlens.errors.ReferencesError`
naming the file, the class and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from ..datafiles import first_error, location, read_bundled, read_data
from ..errors import ReferencesError
from .dictionary import ACTOR_TYPES

# "a": a nominalised adjective or participle ("der/die Vorsitzende", "den 55-Jährigen"),
# whose article gives its gender
GENDERS = ("m", "f", "n", "a")
COMPOUND_MODES = ("all", "hyphen", "none")


class ReferenceClass(BaseModel):
    """Nouns (with their gender) that describe actors of the given types."""

    model_config = ConfigDict(strict=True)

    types: Annotated[list[Literal[ACTOR_TYPES]], Field(min_length=1)]  # type: ignore[valid-type]
    nouns: Annotated[dict[str, Literal[GENDERS]], Field(min_length=1)]  # type: ignore[valid-type]
    compounds: Literal[COMPOUND_MODES] = "all"  # type: ignore[valid-type]
    # the nouns name an institution by its members, so their plural refers to it too
    # ("die Wettbewerbshüter", "den Richtern")
    plural: bool = False


class ReferenceFile(BaseModel):
    """A reference file: ``classes`` of descriptions, the excluded compound heads, the
    plural nouns that stand for two actors (``groups``) and the adjectives of
    nationality with the words that name their country (``nationalities``)."""

    model_config = ConfigDict(strict=True)

    classes: dict[str, ReferenceClass]
    not_part_of: list[str] = []
    groups: list[str] = []
    nationalities: dict[str, list[str]] = {}


def _message(error: ErrorDetails, where: str) -> str:
    """The validation problem as "file: class 'x': field 'y': problem"."""
    loc = location(error)
    value = error.get("input")
    if len(loc) < 2 or loc[0] != "classes":
        if loc and loc[0] == "not_part_of":
            return f"{where}: field 'not_part_of': expected a list of words"
        if loc and loc[0] == "groups":
            return f"{where}: field 'groups': expected a list of plural nouns"
        if loc and loc[0] == "nationalities":
            return (f"{where}: field 'nationalities': expected a mapping adjective: "
                    "[words naming its country]")
        return f"{where}: expected a mapping with a 'classes' mapping"
    label = f"{where}: class {loc[1]!r}"
    field_name = loc[2] if len(loc) > 2 else None
    if field_name == "types":
        if error["type"] == "literal_error":
            return (f"{label}: field 'types': unknown actor type {value!r}; "
                    f"use one of {', '.join(ACTOR_TYPES)}")
        return f"{label}: field 'types': expected a list of actor types"
    if field_name == "nouns":
        if len(loc) > 3:
            return (f"{label}: field 'nouns': {loc[3]!r}: gender must be one of m, f, n, a, "
                    f"got {value!r}")
        return f"{label}: field 'nouns': expected a mapping noun: gender"
    if field_name == "compounds":
        return (f"{label}: field 'compounds': expected one of {', '.join(COMPOUND_MODES)}, "
                f"got {value!r}")
    if field_name == "plural":
        return f"{label}: field 'plural': expected true or false, got {value!r}"
    return f"{label}: expected a mapping with 'types' and 'nouns'"


def check_references(data: Any, where: str) -> dict[str, Any]:
    """Validate parsed reference data; return it in the form the resolver stores."""
    try:
        parsed = ReferenceFile.model_validate(data)
    except ValidationError as err:
        raise ReferencesError(_message(first_error(err), where)) from None
    classes = {name: {"types": list(spec.types), "nouns": dict(spec.nouns),
                      "compounds": spec.compounds, "plural": spec.plural}
               for name, spec in parsed.classes.items()}
    return {"classes": classes, "not_part_of": list(parsed.not_part_of),
            "groups": list(parsed.groups),
            "nationalities": {k.lower(): [w.lower() for w in v]
                              for k, v in parsed.nationalities.items()}}


def read_references(source: str | Path | None) -> dict[str, Any]:
    """Read and check a reference file (None: the bundled ``data/references.yml``)."""
    if source is None:
        return check_references(read_bundled("references.yml"), "<bundled references.yml>")
    return check_references(read_data(source, "reference", ReferencesError), str(source))
