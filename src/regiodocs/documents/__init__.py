"""Document views, Jinja2 rendering to Markdown, and the consistency proof."""
