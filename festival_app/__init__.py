"""Seoul Friendship Festival organizer."""

__version__ = "0.1.0"
