"""Evaluation against public labelled data: each module reads one kind of gold, runs the
matching storyline stage and scores it. Used by ``storyline eval``; nothing here runs in the
main pipeline."""
