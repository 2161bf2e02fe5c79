"""rla: the Render log analyzer."""

__version__ = "0.1.0"
