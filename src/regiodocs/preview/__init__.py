"""Live preview: a local web server that shows every document and follows every save."""
