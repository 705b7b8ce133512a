"""Relations: who does what to whom, per sentence.

:mod:`~banlens.relations.lexicon` reads the relation lexicon (``relations.yml``);
:mod:`~banlens.relations.component` is the ``banlens_relations`` component, which
runs one of two strategies: :mod:`~banlens.relations.surface` (word order, articles
and prepositions, read by :mod:`~banlens.relations.clauses`) for the blank pipeline,
:mod:`~banlens.relations.tree` for a dependency parse. Both judge negation and
modality with :mod:`~banlens.relations.modality` and return
:mod:`~banlens.relations.findings`.
"""

from .component import RelationExtractor, make_relation_extractor
from .lexicon import RelationLexicon, load_lexicon

__all__ = ["RelationExtractor", "RelationLexicon", "load_lexicon", "make_relation_extractor"]
