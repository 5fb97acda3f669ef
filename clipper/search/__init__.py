"""Archive search: the query language, ranking policy and snippets, and exports of results.

query.py parses what an archivist types; engine.py searches through clipper.store.searching
and builds the hits with snippets (snippet.py); export.py and rows.py write CSV, JSON Lines
and themed PDF volumes.

Imports: the base modules, clipper.store, clipper.classify and clipper.edition.
"""
