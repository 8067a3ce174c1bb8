"""Where user data lives and how it is found: settings, user routines, sessions."""
