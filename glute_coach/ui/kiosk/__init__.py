"""Kiosk mode: the unattended gym screen and its staff-only PIN entry."""
