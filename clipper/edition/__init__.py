"""Editions: the approved articles of one day in sections, numbered, frozen when final, and the PDF.

compile.py builds and compiles an edition (the section rule lives here); pdf*.py render it
with reportlab (A4, or a phone's page); share.py makes the WhatsApp package. Lead images are
read from the archive (the harvest fetches them).

Imports: the base modules, clipper.store and clipper.classify (topic labels).
"""
