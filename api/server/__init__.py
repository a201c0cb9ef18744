"""``tiaoli serve``: a read-only SPARQL 1.1 endpoint, a query page and entity pages over a store."""
