"""The knowledge graph: the RDF mapping of the models, the stores and the saved queries."""
