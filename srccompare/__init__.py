"""srccompare: compare several articles on one story and tell which renderings to trust."""

__version__ = "0.1.0"
