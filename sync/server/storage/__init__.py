"""sync/server/storage."""
