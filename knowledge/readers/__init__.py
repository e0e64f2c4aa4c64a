"""Readers: files, pages, feeds and JSON Lines in; ``Article`` objects out.

Contract (used by ``bot/cli_facts.py`` and the bot's feed poller):

    read_paths(paths, stdin=None) -> Iterator[Article | ReadError]

yields every article found under ``paths`` (files, directories recursively, ``-`` for
``stdin``), and a ``ReadError`` (not raised: yielded) for each input, or each line of a JSON
Lines file, that could not be read, so that the caller reports it and goes on with the rest.
"""
