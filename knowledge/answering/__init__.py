"""The answering engine's parts: text, intents, linking, roles, memory, retrieval, composition.

``knowledge.answer`` re-exports the public names (``Engine``, ``render_text``).
"""
