"""A run in three steps, so that the slow part is per article (cached, parallel, streamed).

1. :mod:`lint.pipeline.facts`: per article, what depends on that file alone, a pure function of
   its bytes, its path, the config and copydesk's version: the article as read (text and
   positions), its words outside the dictionary and what the article says of them, its name
   mentions, and the findings of the checks that look at one article only (schema, placeholder,
   sources, terms).  Facts are plain data (pickled): kept in the cache (:mod:`lint.pipeline.store`)
   and made in worker processes.
2. :mod:`lint.pipeline.index`: the archive's evidence, a small mergeable index made from every
   article's share of its facts (:class:`~lint.pipeline.index.Part`): in how many articles each
   word is written, as a name, in lower case; every spelling of a name and the articles it is in.
3. :mod:`lint.pipeline.decide`: per article, the findings that need the archive (spelling, names)
   from the article's facts and the index; then suppressions, severities and places.

:mod:`lint.pipeline.runner` runs the steps over the files of a run: facts are streamed (each
article's facts are written to the cache, or a spool folder with ``--no-cache``, and read back
for its decision), so a run's memory is the index's, not the archive's.  Each decision is kept
beside the facts with the digest of the index it was made with: a run over the same files reads
them back.
"""
