"""The Qt desktop client: windows, dialogs and item models over the local store."""
