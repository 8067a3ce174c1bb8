"""Signal sources (EMG, pressure) acquired on their own threads; no Qt here."""
