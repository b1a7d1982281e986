"""sync/server/ops."""
