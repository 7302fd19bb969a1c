"""The content model: one pydantic model per kind of content, each file's schema."""
