"""Writing documents: pandoc, Word house style and finishing, atomic writes."""
