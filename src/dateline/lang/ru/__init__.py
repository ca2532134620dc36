"""Russian: what dateline knows of Russian, as data (see lang/en for the layout)."""
