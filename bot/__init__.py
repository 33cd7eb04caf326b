"""exportbot core: everything the bot knows and does, without Telegram."""

__version__ = "0.1.0"
