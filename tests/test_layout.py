"""The package's shape: stages import one another without cycles, lazy imports included."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Which modules each module imports, anywhere in its body (imports inside functions count)."""
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factcheck"):
                for alias in node.names:
                    target = f"{node.module}.{alias.name}"
                    edges[name].add(target if target in modules else node.module)
            elif isinstance(node, ast.Import):
                edges[name].update(a.name for a in node.names if a.name in modules)
    return {name: {t for t in targets if t in modules and t != name} for name, targets in edges.items()}


def _cycle_from(start: str, edges: dict[str, set[str]]) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in edges[node]:
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def test_no_module_imports_itself_through_others() -> None:
    edges = _imports(_modules())
    cycles = [c for name in sorted(edges) if (c := _cycle_from(name, edges))]
    assert not cycles, " -> ".join(cycles[0])


def _setuptools() -> dict:
    import tomllib

    with (PACKAGE.parent / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["tool"]["setuptools"]


def test_every_package_folder_is_installed_by_a_plain_pip_install() -> None:
    listed = set(_setuptools()["packages"])
    folders = {".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")}
    assert folders <= listed, sorted(folders - listed)


def test_every_data_file_inside_the_package_is_installed_with_it() -> None:
    from fnmatch import fnmatch

    patterns = _setuptools().get("package-data", {})
    missing = []
    for path in PACKAGE.rglob("*"):
        if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(PACKAGE.parent)
        owner = next(p for p in relative.parents if (PACKAGE.parent / p / "__init__.py").exists())
        package, inner = ".".join(owner.parts), relative.relative_to(owner).as_posix()
        if not any(fnmatch(inner, pattern) for pattern in patterns.get(package, [])):
            missing.append(str(path.relative_to(PACKAGE.parent)))
    assert not missing, missing
