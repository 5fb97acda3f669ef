"""The harvest: feeds, sitemaps and section pages, polite fetching, the run that stores what it finds."""
