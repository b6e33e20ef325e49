"""One module per sub-command; each defines `register(subparsers)`.

A module's parser sets `run=function(args) -> exit code` as its default. Its help texts
are marked `translate("CliHelp", ...)`: the language is installed before the parser is
built, so --help speaks it.
"""
