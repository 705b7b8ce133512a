"""Actors: the dictionary, the tagger that finds its names, and references to them.

:mod:`~banlens.actors.dictionary` reads actor dictionaries;
:mod:`~banlens.actors.tagger` is the ``banlens_actors`` component (names, inflected
forms, hyphen compounds); :mod:`~banlens.actors.datelines` keeps dateline places out;
:mod:`~banlens.actors.references` is the ``banlens_references`` component ("der
Konzern" → the company named before); :mod:`~banlens.actors.mentions` gives the
mentions to the relation rules.
"""

from .dictionary import ACTOR_TYPES, Actor, ActorDictionary, default_dictionary, load_dictionary
from .tagger import ActorTagger, make_actor_tagger

__all__ = [
    "ACTOR_TYPES",
    "Actor",
    "ActorDictionary",
    "ActorTagger",
    "default_dictionary",
    "load_dictionary",
    "make_actor_tagger",
]
