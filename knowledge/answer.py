"""Question -> ``Answer``: the answering engine's public face.

The work lives in ``knowledge.answering`` (intents, linking, retrieval, composition, memory);
this module keeps the names the bot and the CLI import.
"""

from __future__ import annotations

from knowledge.answering.compose import render_text
from knowledge.answering.engine import COMMANDS, Engine

__all__ = ["COMMANDS", "Engine", "render_text"]
