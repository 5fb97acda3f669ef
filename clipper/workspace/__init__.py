"""The user's workspace as the command line and the app open it: configuration and archive."""
