"""协同办公 domain core: entities, workflow rules, the local store, numbering, search, PDF.

Nothing here imports Qt, a network library or a server database driver; the same rules run
on the client (optimistically, offline) and on the server (to decide for real).
"""

__version__ = "0.1.0"
