"""Reporters: pure functions ``render(result) -> str``. The CLI owns files and streams."""
