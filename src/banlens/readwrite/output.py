"""Where writers write: a path (atomically) or an open binary file.

Given a path, a writer writes to a temporary file in the same folder and moves it
into place with :func:`os.replace` only when everything was written, so a crash or
an error never leaves a half-written graph file (or destroys the previous one).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Union

Target = Union[str, "os.PathLike[str]", IO[bytes]]


def is_file(target: object) -> bool:
    """True if ``target`` is an open file object rather than a path."""
    return hasattr(target, "write")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def binary_output(target: Target) -> Iterator[IO[bytes]]:
    """Yield a binary stream for ``target``; for a path, write it atomically."""
    if is_file(target):
        if isinstance(target, io.TextIOBase):
            raise TypeError("open the output file in binary mode ('wb'), not text mode")
        yield target  # type: ignore[misc]
        return
    path = Path(target)  # type: ignore[arg-type]
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed)
        mode="wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            yield handle
        os.chmod(handle.name, 0o666 & ~_umask())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


@contextmanager
def text_output(target: Target, newline: str | None = None) -> Iterator[IO[str]]:
    """Yield a UTF-8 text stream for ``target`` (see :func:`binary_output`)."""
    with binary_output(target) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline=newline)
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # leave the binary stream (maybe the caller's) open
