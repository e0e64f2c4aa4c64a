"""Extraction: an ``Article`` in, its ``ArticleFacts`` out, as named stages over character spans.

Contract (used by ingest and ``newsdesk extract``):

    extract(article: Article) -> ArticleFacts
"""
