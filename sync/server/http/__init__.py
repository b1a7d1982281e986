"""sync/server/http."""
