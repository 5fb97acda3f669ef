"""Extraction: a fetched page in, an extracted article out (text, metadata, further pages)."""
