"""Editorial decisions on archived articles: approve, reject, tags, tone, summary, undo; print clippings.

Imports: the base modules and clipper.store.
"""
