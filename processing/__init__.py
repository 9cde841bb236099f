"""Processing provider ``besecure`` and its algorithms (thin wrappers around ``analysis``)."""
