"""storyline: raw news in; stories with timelines, cross-source facts and cited briefings out."""

__version__ = "0.1.0"
