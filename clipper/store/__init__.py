"""The archive: the schema and its migrations, and every query. The only package that speaks SQL.

Callers get and give plain dataclasses (clipper.store.records: Article, NewArticle, QueueItem,
EditionRecord, SourceState, Attempt …), never rows or cursors. One module per kind of
thing kept: articles, runs (harvest bookkeeping), editions, deliveries, images, decisions,
classifications, queue (the review queue's rows), searching (the full-text index), care
(backup and check); archive.py holds the connection and its transactions, schema.py the
migrations, search_index.py the index's tables and triggers.

Imports: the base modules of clipper (models, errors, textnorm, processes …) only.
"""
