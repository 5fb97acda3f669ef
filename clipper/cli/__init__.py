"""The `clipper` command line and the offline demo: one module per group of commands.

Imports: every package of the core; nothing imports it (the GUI is its own program).
"""
