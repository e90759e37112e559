"""Find the actors a text names and give them codes.

Pure text, no spaCy. The lexicon comes from ``src/sitrep/data/actors_*.tsv``: states with
their names, demonyms and capitals (``states``), organisations, armed groups and named state
institutions (``orgs``), machine-translation garbles of Chinese "X方" phrases (``mt_sides``),
institution and personnel nouns (``heads``), unnamed parties such as "both sides"
(``generic``), false friends (``stoplist``) and small context word lists (``context``).

``ActorLexicon.find`` tokenises the text once and walks a token trie, taking the longest
alias at each position, then widens a state or organisation match into the institution
phrase around it ("Armenian Ministry of Defence", "Ministry of Defence of Azerbaijan",
"Ukraine's General Staff", "UN envoy") and looks one noun ahead to tell soldiers from
civilians ("Azerbaijani soldiers" is a mention of "Azerbaijani" with military=True).

Codes: ISO 3166-1 alpha-3 for states and their institutions, short upper-case codes for
organisations and armed groups, None when unknown or ambiguous. Ambiguous mentions keep every
reading in ``candidates``; ``resolve_sides`` settles them from the states the document is
about (``document_countries``): "the Asian side" in a report on Armenia and Azerbaijan is
Armenia (亚方), "the Algerian side" there is Azerbaijan (阿方).
"""


from .base import ActorMention
from .lexicon import ActorLexicon
from .sides import document_countries, resolve_sides

__all__ = ["ActorLexicon", "ActorMention", "document_countries", "resolve_sides"]
