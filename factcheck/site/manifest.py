"""The list of files a site build wrote, kept in the output folder, so the next build removes only
what an earlier one wrote there (and a file changed by hand since, never).

A manifest is data found in a folder, not trusted code: every entry must be a relative path that stays
inside the folder once symbolic links are followed. One that points elsewhere is refused whole
before anything is written or deleted.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath

MANIFEST = ".factcheck-site.json"


class ManifestError(ValueError):
    """The manifest names a file outside the site folder; the message is one line for the user."""


def digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _inside(root: Path, rel: str) -> bool:
    posix = PurePosixPath(rel)
    if not rel or "\\" in rel or "\x00" in rel or posix.is_absolute() or ".." in posix.parts:
        return False
    if ":" in posix.parts[0]:  # a drive ("C:") on Windows
        return False
    return (root / rel).resolve().is_relative_to(root.resolve())


def read_manifest(root: Path) -> dict[str, str | None]:
    """The files the previous build wrote, with the SHA-256 it wrote (None in an older manifest)."""
    path = root / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = [str(f) for f in data.get("files", [])]
        digests = data.get("sha256") if isinstance(data.get("sha256"), dict) else None
    except (ValueError, AttributeError, TypeError, UnicodeDecodeError):
        return {}  # unreadable: nothing is known to be ours, so nothing is removed
    outside = [rel for rel in files if not _inside(root, rel)]
    if outside:
        shown = outside[0][:120].encode("unicode_escape").decode("ascii")
        raise ManifestError(
            f"the site manifest {path} lists {shown!r}, which is outside the site folder; refusing "
            "to build there (delete the manifest if the folder's files are yours to replace)"
        )
    if digests is None:  # a manifest from before digests were kept: its files are taken as written
        return dict.fromkeys(files)
    return {rel: str(digests.get(rel, "")) for rel in files}  # "": listed but never written by a build


def removable(root: Path, rel: str, written: str | None) -> bool:
    """Whether ``rel`` may be deleted: a regular file inside the folder, unchanged since it was written."""
    target = root / rel
    if not _inside(root, rel) or target.is_symlink() or not target.is_file():
        return False
    if written is None:
        return True
    return bool(written) and digest(target.read_bytes()) == written


def manifest_text(files: dict[str, str]) -> str:
    return json.dumps({"files": sorted(files), "sha256": dict(sorted(files.items()))}, indent=1) + "\n"
