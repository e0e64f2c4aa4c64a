"""newsdesk's fact base as a library: read articles, extract facts, store them, answer questions.

This package never imports ``telegram``; ``bot/`` is the adapter around it.
"""

__version__ = "0.1.0"
