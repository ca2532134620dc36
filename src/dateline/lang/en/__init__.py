"""English: what dateline knows of English, as data.

One module per kind of knowledge; each is plain data (tables, word lists, regular-expression
sources) with a comment saying why an entry is there. No control flow lives here.
"""
