"""A griffe extension that lets the API page render the reST in banlens docstrings.

banlens docstrings are written for Python's ``help()`` and Sphinx-style roles; the
API page is Markdown (mkdocstrings). Before mkdocstrings parses a docstring, this
extension rewrites

- cross-reference roles (``:func:`build_graph```, ``:class:`~banlens.InputError```,
  ``:mod:`.sanitize```, ``:func:`text <target>```) into autorefs links: the target
  is resolved in the scope of the documented object (its module, its imports, the
  package); a target the site documents becomes a link, any other one plain code;
- doctest lines (``>>> ...`` with their output) into fenced ``pycon`` blocks;
- a definition (a line followed directly by indented lines) into a Markdown
  definition list, and a literal-block ``::`` into ``:``.

Loaded by ``mkdocs.yml`` (``plugins: mkdocstrings: handlers: python: options:
extensions``).
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:func|class|mod|meth|data|attr|exc|obj|const):`([^`]+)`")
DOCTEST = re.compile(r"^(\s*)>>> ")


def _walk(obj: Any):
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _walk(member)


class RstDocstrings(griffe.Extension):
    """Rewrites the docstrings of a loaded package (see the module text)."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        objects = list(_walk(pkg))
        self.paths = {obj.path for obj in objects}
        self.by_name: dict[str, list[str]] = {}
        for obj in objects:
            self.by_name.setdefault(obj.name, []).append(obj.path)
        for obj in objects:
            if obj.docstring is not None:
                obj.docstring.value = self.rewrite(obj.docstring.value, obj)

    # -- cross-references -----------------------------------------------------------

    def resolve(self, target: str, obj: Any) -> str | None:
        """The full path of ``target`` seen from ``obj``, or None if it is not ours."""
        module = obj if obj.is_module else obj.module
        if target.startswith("."):
            package = module.path if module.is_package else module.path.rsplit(".", 1)[0]
            path = f"{package}{target}" if not target.startswith("..") else None
            return path if path in self.paths else None
        if target in self.paths:
            return target
        scope = obj
        while scope is not None:
            try:
                path = scope.resolve(target.split(".")[0])
            except (griffe.NameResolutionError, AttributeError, KeyError, ValueError):
                path = None
            if path:
                full = path + target[len(target.split(".")[0]):]
                if full in self.paths:
                    return full
            scope = scope.parent
        # a public name of the package (``banlens.aggregate``) or a method of a class:
        # the one object of that name, if there is exactly one
        found = self.by_name.get(target.rsplit(".", 1)[-1], [])
        prefix = target.rsplit(".", 1)[0] if "." in target else ""
        found = [p for p in found if not prefix or p.startswith(prefix.split(".")[0])]
        return found[0] if len(found) == 1 else None

    def link(self, match: re.Match[str], obj: Any) -> str:
        text = match.group(1).strip()
        explicit = re.fullmatch(r"(.+?)\s*<([^>]+)>", text)
        if explicit:
            title, target = explicit.group(1), explicit.group(2)
        else:
            target = text.lstrip("~")
            title = target.rsplit(".", 1)[-1] if text.startswith("~") else target.lstrip(".")
        title = f"<code>{html.escape(title)}</code>"
        path = self.resolve(target, obj)
        if path is None:
            return title
        return f'<autoref identifier="{html.escape(path)}" optional>{title}</autoref>'

    # -- blocks -----------------------------------------------------------------------

    def rewrite(self, text: str, obj: Any) -> str:
        lines = text.splitlines()
        out: list[str] = []
        i = 0
        in_fence = False
        while i < len(lines):
            line = lines[i]
            if line.lstrip().startswith("```"):
                in_fence = not in_fence
                out.append(line)
                i += 1
                continue
            if in_fence:
                out.append(line)
                i += 1
                continue
            doctest = DOCTEST.match(line)
            if doctest:
                indent = len(doctest.group(1))
                block = []
                while i < len(lines) and lines[i].strip():
                    block.append(lines[i][indent:])
                    i += 1
                if out and out[-1].strip():
                    out.append("")
                out += ["```pycon", *block, "```", ""]
                continue
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if (line.strip() and not line.startswith(" ") and len(line) < 90
                    and nxt.startswith("    ") and not nxt.startswith("     ")
                    and nxt.strip() and not line.rstrip().endswith(("::", ".", ",", "(", "["))
                    and not line.lstrip().startswith(("-", "*", "|", ":", ">>>"))):
                # a definition: term, then its indented description
                if out and out[-1].strip():
                    out.append("")
                out.append(ROLE.sub(lambda m: self.link(m, obj), line))
                i += 1
                first = True
                while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                    if not lines[i].strip():
                        if i + 1 < len(lines) and lines[i + 1].startswith("    "):
                            out.append("")
                            i += 1
                            continue
                        break
                    body = ROLE.sub(lambda m: self.link(m, obj), lines[i].strip())
                    out.append((":   " if first else "    ") + body)
                    first = False
                    i += 1
                out.append("")
                continue
            if line.rstrip().endswith("::"):
                line = line.rstrip()[:-1]
            out.append(ROLE.sub(lambda m: self.link(m, obj), line))
            i += 1
        return "\n".join(out)
