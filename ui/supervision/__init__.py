"""ui/supervision."""
