"""What every record kind shares: the verdict of a decision, the declaration of a kind, and
the entries a record puts in people's 待办 (docs/architecture.md)."""
