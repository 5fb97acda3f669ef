"""Extraction: a fetched page in (FetchedPage), an extracted article out (ExtractedArticle).

reader.extract() reads text and metadata with trafilatura (newspaper4k as fallback) and says
what a page is when it is no article (index, empty, paged); html.py decodes and parses,
meta.py reads meta tags and JSON-LD, pages.py finds further pages, textclean.py removes what
media put inside bodies, language.py guesses the language. Nothing here touches the network.

Imports: the base modules of clipper only.
"""
