"""Reading the YAML of dictionaries, lexicons and reference files safely.

``yaml.safe_load`` already refuses ``!!python/object`` and every other tag that
would build arbitrary objects, so no code in a data file ever runs. It does not
bound aliases: a few lines of anchors (``a: &a [x, x, x]``, ``b: &b [*a, *a, *a]``,
...) stand for billions of items. Parsing them costs nothing, since the items are
shared, but anything that walks the result (printing, copying, JSON encoding)
never finishes. :func:`safe_load` counts the items a document stands for with
every alias expanded and refuses one beyond :data:`MAX_ITEMS`, or one that
contains itself; it also turns a document nested too deeply for the parser into
an ordinary YAML error.
"""

from __future__ import annotations

from typing import Any

import yaml

# A dictionary of 50,000 actors stands for about a million items.
MAX_ITEMS = 10_000_000
# libyaml's parser when PyYAML has it (many times faster on big dictionaries; it
# also bounds nesting depth itself), else the pure-Python one: both build only
# plain data, never objects named in the file.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YAMLRefused(yaml.YAMLError):
    """A YAML document banlens does not read: aliases expand too far, or it nests too deep."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = None


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, refusing alias bombs, self-containing and too deep documents.

    Raises :class:`yaml.YAMLError` (a :class:`YAMLRefused` for the refusals).
    """
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        # without an anchor (&) and an alias (*) nothing is shared: no walk needed
        items = _expanded_size(node) if "&" in text and "*" in text else 0
        if items > MAX_ITEMS:
            raise YAMLRefused(f"its aliases expand to {items:,} items, more than "
                              f"{MAX_ITEMS:,}; refused (an alias bomb?)")
        return loader.construct_document(node)
    except RecursionError:
        raise YAMLRefused("nested too deeply") from None
    finally:
        loader.dispose()


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _expanded_size(root: yaml.Node) -> int:
    """Number of nodes under ``root`` with aliases expanded (each shared node counted
    as often as it is used); computed once per distinct node, without recursion."""
    sizes: dict[int, int] = {}
    active = {id(root)}
    stack = [(root, iter(_children(root)))]
    while stack:
        node, pending = stack[-1]
        for child in pending:
            key = id(child)
            if key in sizes:
                continue
            if key in active:
                raise YAMLRefused("an alias refers to a node that contains it; refused")
            active.add(key)
            stack.append((child, iter(_children(child))))
            break
        else:
            stack.pop()
            active.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
    return sizes[id(root)]


__all__ = ["MAX_ITEMS", "YAMLRefused", "safe_load"]
