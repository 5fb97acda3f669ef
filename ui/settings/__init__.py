"""Pengaturan: the dialog (dialog.py), its sources page and source form, its email page.

Imports: clipper.workspace (the editor of sources.yaml and its field checks), clipper.harvest
(trying a source), clipper.mail (password, test message), and ui's tasks, errors and i18n.
"""
