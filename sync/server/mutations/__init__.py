"""The server's mutations: the push loop (`dispatch`), what handlers share (`work`), one module
per area registering its handlers by mutation name, and the scheduled jobs (docs/sync.md)."""
