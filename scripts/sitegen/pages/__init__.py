"""One module per page kind; each has build(pkg) -> list[Page]."""
