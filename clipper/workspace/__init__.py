"""The user's workspace as the command line and the app open it: the configuration with every
section checked by its owner (configuration.py), and edited in place (editor.py).

Imports: the base modules, clipper.classify and clipper.mail (their section checks).
"""
