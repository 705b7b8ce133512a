"""What banlens knows of German itself, whatever the topic.

:mod:`~banlens.german.words` (closed word classes: articles and their cases,
prepositions, auxiliaries, …), :mod:`~banlens.german.inflection` (the forms of a
name: "Trumps", "des Weißen Hauses"), and two pipeline components for the blank
pipeline: :mod:`~banlens.german.sentences` (news sentence splitting) and
:mod:`~banlens.german.lemmas` (lookup lemmas), and :mod:`~banlens.german.tokenizer`
(markup split off the words).
"""
