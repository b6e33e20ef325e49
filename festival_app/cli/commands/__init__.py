"""One module per sub-command; each defines `register(subparsers)`.

A module's parser sets `run=function(args) -> exit code` as its default.
"""
