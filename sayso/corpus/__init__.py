"""The corpus layer: what is learnt across articles once they are stored.

- :mod:`~sayso.corpus.names` parses person names and tells which forms may be one person;
- :mod:`~sayso.corpus.speakers` joins one speaker's name forms across articles (the registry);
- :mod:`~sayso.corpus.entries` is what the registry keeps of each speaker: name forms, roles, articles;
- :mod:`~sayso.corpus.curation` holds a person's corrections to it, replayed after every rebuild;
- :mod:`~sayso.corpus.clusters` groups one quote's forms across articles, with first appearance.

Who posted what an attribution quotes, and who passed it on, is read per article by the
pipeline (:mod:`sayso.pipeline.relays`, ``doc._.relays``).
"""
