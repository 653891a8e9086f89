"""MockLoop: a terminal mock-interview studio.

Importing the package is cheap on purpose: nothing here imports Textual or litellm.
"""

__version__ = "0.1.0"
