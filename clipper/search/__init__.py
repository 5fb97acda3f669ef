"""Archive search: the query language, ranking and snippets, exports of results."""
