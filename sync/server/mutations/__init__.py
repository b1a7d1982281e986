"""sync/server/mutations."""
