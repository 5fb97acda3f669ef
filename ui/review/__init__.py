"""The review queue: model, filter proxy and table view."""
