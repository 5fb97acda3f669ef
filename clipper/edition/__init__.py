"""Editions: compiling the approved articles of a day, and the PDF."""
