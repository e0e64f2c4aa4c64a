"""``newsdesk`` / ``python -m bot``: parse arguments, then call into ``knowledge`` or the bot.

Each command lives in its own module (``cli_facts``, ``cli_ask``, ``serve``) and is imported
only when used, so that ``newsdesk ask`` does not pay for python-telegram-bot's import.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from knowledge.errors import NewsdeskError


def build_parser() -> argparse.ArgumentParser:
    """The whole command-line contract in one place."""
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Answer questions about current events from the facts of news articles.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="SQLite fact base (default: $NEWSDESK_DB, else a per-user data directory)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ingest = commands.add_parser(
        "ingest",
        help="read articles and store their facts",
        description="Read articles (text, HTML, RSS/Atom, JSON Lines, directories, '-' for stdin), "
        "extract their facts and store them. Running it again on the same articles adds nothing.",
    )
    ingest.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or '-'")
    ingest.add_argument(
        "--samples",
        action="store_true",
        help="also ingest the sample article shipped with newsdesk",
    )
    ingest.add_argument("--quiet", "-q", action="store_true", help="print only errors")

    facts = commands.add_parser(
        "facts",
        help="list what the fact base holds",
        description="List the articles, entities, quotes or events stored in the fact base.",
    )
    facts.add_argument(
        "--kind",
        choices=["articles", "entities", "quotes", "events"],
        default="articles",
        help="what to list (default: articles)",
    )
    facts.add_argument("--json", action="store_true", help="one JSON object a line")
    facts.add_argument("--limit", type=int, default=50, help="at most this many (default: 50)")

    extract = commands.add_parser(
        "extract",
        help="extract facts from articles without storing them",
        description="Run extraction on articles and print the facts; nothing is stored.",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or '-'")
    extract.add_argument(
        "--json", action="store_true", help="one JSON object a line per article (the default)"
    )

    ask = commands.add_parser(
        "ask",
        help="answer one question",
        description="Answer a question from the fact base, as the bot would.",
    )
    ask.add_argument("question", metavar="QUESTION")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")

    commands.add_parser(
        "chat",
        help="a conversation in the terminal",
        description="Ask questions in the terminal; from a pipe, one question per input line.",
    )

    serve = commands.add_parser(
        "serve",
        help="run the Telegram bot",
        description="Run the Telegram bot. Reads TELEGRAM_BOT_TOKEN, and TELEGRAM_API_BASE_URL "
        "(e.g. http://127.0.0.1:8081/bot) for a self-hosted or local Bot API server.",
    )
    serve.add_argument("--feeds", metavar="FILE", help="poll the RSS/Atom feed URLs listed in FILE")
    serve.add_argument(
        "--feed-interval",
        type=float,
        default=900.0,
        metavar="SECONDS",
        help="how often to poll the feeds (default: 900)",
    )
    serve.add_argument("--webhook-url", metavar="URL", help="use a webhook at this public URL")
    serve.add_argument("--listen", default="127.0.0.1", help="webhook listen address")
    serve.add_argument("--port", type=int, default=8443, help="webhook listen port")
    serve.add_argument(
        "--secret-token", metavar="TOKEN", help="webhook secret (default: $TELEGRAM_WEBHOOK_SECRET)"
    )
    serve.add_argument(
        "--no-rate-limit", action="store_true", help="turn the outgoing rate limiter off"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsdesk`` console script."""
    args = build_parser().parse_args(argv)
    try:
        if args.command in {"ingest", "facts", "extract"}:
            from bot import cli_facts

            return cli_facts.run(args)
        if args.command in {"ask", "chat"}:
            from bot import cli_ask

            return cli_ask.run(args)
        from bot import serve

        return serve.run(args)
    except NewsdeskError as error:
        print(f"newsdesk: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
