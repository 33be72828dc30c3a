"""``python -m storyline``: the same command line as the ``storyline`` script."""

from storyline.cli import app

if __name__ == "__main__":
    app(prog_name="storyline")
