"""The `clipper` command line and the offline demo."""
