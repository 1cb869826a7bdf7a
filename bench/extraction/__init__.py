"""Extraction quality: precision, recall and F1 per field on the labelled corpus in corpus/."""
