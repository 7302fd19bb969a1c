"""The law and drafting rules: numbering, citations, Wgr-toets, amendments, import."""
