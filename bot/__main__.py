"""`python -m bot` is the same as the `exportbot` command."""

from bot.cli import main

raise SystemExit(main())
