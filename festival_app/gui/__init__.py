"""The Qt interface. Views never write to the festival file: they push undo commands."""
