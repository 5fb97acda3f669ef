"""The harvest: feeds, sitemaps and section pages, polite bounded fetching, extraction in worker
processes, and the run that stores what it finds.

fetch.py is the HTTP client (clients.py, decoding.py, fetch_errors.py), every connection under
the address policy of addresses.py; discover.py finds article links and listing.py turns a
source's listing into them; harvester.py runs the network side in its own thread; jobs.py is
what a worker process does with a page (extract, classify, fingerprint); run.py stores the
results and reports progress, runlog.py closes the runs whose process died; images.py fetches
lead images into the archive; urls.py gives every article URL one key.

Imports: the base modules, clipper.store, clipper.extract and clipper.classify.
"""
