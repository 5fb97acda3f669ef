"""Mail: the edition's message, SMTP delivery with retries, the delivery record and the send lock.

Imports: the base modules, clipper.store and clipper.edition.
"""
