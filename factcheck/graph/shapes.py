"""SHACL validation of produced graphs against ``graph/shapes.ttl``."""

from __future__ import annotations

from rdflib import Graph

from factcheck.resources import resource_dir


def shapes_graph() -> Graph:
    """The SHACL shapes of ``graph/shapes.ttl``."""
    return Graph().parse(resource_dir("graph") / "shapes.ttl", format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """Check ``graph`` against the project's SHACL shapes: (conforms, report text)."""
    import pyshacl  # a test/development dependency, needed only here

    conforms, _report, text = pyshacl.validate(graph, shacl_graph=shapes_graph(), inference="none")
    return bool(conforms), str(text)
