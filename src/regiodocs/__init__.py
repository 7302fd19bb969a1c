"""regiodocs: regional governance documents from structured content."""

__version__ = "0.1.0"
