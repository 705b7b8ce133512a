"""The draft actor dictionary: YAML in the documented format, with counts as comments.

The draft is a working dictionary (``banlens extract --actors draft.yml`` reads it
unchanged): one entry per actor with ``id``, ``name``, ``type`` and ``aliases``,
best first, each preceded by a comment with its document and mention counts, the
cues that gave its type, and an example sentence. With an existing dictionary,
candidates it already covers are left out, so the draft lists what is missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .rank import Candidate

_COMMENT_WIDTH = 100


def covered(candidates: Sequence[Candidate], existing: Any) -> list[Candidate]:
    """The candidates that no actor of ``existing`` (an ActorDictionary) names yet.

    A candidate is covered when one of its names equals an alias of an existing
    actor (case-insensitive; hyphens as spaces; a genitive -s ignored).
    """
    known = {_norm(alias) for actor in existing for alias in (actor.name, *actor.aliases)}
    return [c for c in candidates
            if not any(_norm(name) in known for name in (c.name, *c.aliases))]


def _norm(text: str) -> str:
    text = " ".join(text.casefold().replace("-", " ").split())
    for ending in ("'s", "’s", "'", "’"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def to_yaml(candidates: Iterable[Candidate], header: Sequence[str] = ()) -> str:
    """The draft dictionary as YAML text (comments included)."""
    lines = [f"# {line}" if line else "#" for line in header]
    entries = list(candidates)
    if not entries:
        lines.append("actors: []")
        return "\n".join(lines) + "\n"
    lines.append("actors:")
    for rank, candidate in enumerate(entries, start=1):
        cues = ", ".join(f"{cue} {count}" for cue, count in candidate.cues.items()) or "none"
        lines.append(f"  # {rank}. {candidate.documents} documents, {candidate.mentions} "
                     f"mentions; cues: {cues}")
        if candidate.example:
            lines.extend(_wrapped(f"e.g. {candidate.example}"))
        lines.append(f"  - id: {_scalar(candidate.id)}")
        lines.append(f"    name: {_scalar(candidate.name)}")
        lines.append(f"    type: {candidate.type}")
        lines.append(f"    aliases: [{', '.join(_scalar(a) for a in candidate.aliases)}]")
    return "\n".join(lines) + "\n"


def write_draft(candidates: Iterable[Candidate], path: str | Path,
                header: Sequence[str] = ()) -> None:
    """Write the draft atomically (a temporary file, then a rename)."""
    from ..readwrite.output import text_output

    with text_output(str(path), newline="\n") as handle:
        handle.write(to_yaml(candidates, header))


def _scalar(text: str) -> str:
    """A YAML scalar: JSON quoting is valid YAML and safe for any name."""
    return json.dumps(text, ensure_ascii=False)


def _wrapped(text: str) -> list[str]:
    words = text.split()
    lines: list[str] = []
    current = "  #"
    for word in words:
        if len(current) + 1 + len(word) > _COMMENT_WIDTH and current != "  #":
            lines.append(current)
            current = "  #  "
        current += " " + word
    lines.append(current)
    return lines
