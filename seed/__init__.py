"""Demo data: the named personas, and generated Belgian customers."""
