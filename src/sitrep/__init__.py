"""sitrep: claims ledger and event dataset from conflict news reports."""
