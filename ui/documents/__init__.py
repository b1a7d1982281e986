"""ui/documents."""
