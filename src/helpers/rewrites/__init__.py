"""Stage 05 — which articles copy which: ``pairs`` (MinHash candidates, classification, direction),
``alignment`` (sentence alignment) and ``inference`` (metadata an article inherits from its source)."""
