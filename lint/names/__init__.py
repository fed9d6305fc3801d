"""Names in articles: finding them, telling spelling variants apart from different people.

- :mod:`lint.names.similar`: when two spellings are variants of one name (patterns, sound, distance);
- :mod:`lint.names.people`: titles, speech verbs, nicknames and distinct given names;
- :mod:`lint.names.extract`: the capitalised mentions of an article with their context;
- :mod:`lint.names.index`: spellings counted over every article of a run;
- :mod:`lint.names.glossary`: the house glossary (``rules/names.yaml``);
- :mod:`lint.names.consistency`: which spelling of a cluster is the odd one out.
"""
