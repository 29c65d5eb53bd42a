"""Foundation shared by every stage: project paths, table contracts (``schemas``), validated Parquet I/O
(``tables``), the generated data dictionary (``datadict``), progress bars, the one rules-file loader (``rules``)
and the stage contract with its per-article failure guard (``stage``). Imports no stage."""
