"""sync/server/identity."""
