"""The glute-coach command line."""
