"""ui/meetings."""
