"""newsdesk's command line and Telegram adapter around the ``knowledge`` library."""
