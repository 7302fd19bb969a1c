"""Document views: one module per document kind, each turning checked content into the
context its template shows (numbers, figures, Dutch formatting, municipal values).

``common`` holds what the kinds share (Job, DocMeta, the municipal values); the plan of
which documents a build makes is ``regiodocs.documents.plan``.
"""
