"""Governance computations: verdeelsleutel, stemverhouding, afwegingskader."""
