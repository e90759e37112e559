"""The ledger: many reports in, each party's claims over time out.

    ingest.py    documents -> extracted -> stored, one transaction each
    rows.py      one report's JSON -> rows of the store's tables
    identity.py  when two reports carry the same claim
    claims.py    ledger claims with every source
    series.py    each claimant's totals by date, checked for going backwards or jumping
    compare.py   A's figures for B's losses beside B's own, and the reverse
    events.py    reports of one event merged, every source and figure kept
    render.py    tables and CSV for the command line
"""
