"""Clinic mode: a clinician adapts a routine for one client and saves it as a client program."""
