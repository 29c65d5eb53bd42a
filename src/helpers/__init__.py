"""warclaims helpers: the code the numbered notebooks share.

Modules (one responsibility each):

- ``paths``      project directories and their defaults
- ``schemas``    table contracts (columns, types, allowed values)
- ``tables``     read/write Parquet tables, validated against ``schemas``
- ``articles``   read raw inputs (tagged, text, HTML, CSV, JSONL) into the ``articles`` table
- ``outlets``    outlet names from credit lines and URL domains
- ``pipeline``   the papermill pipeline CLI (``python -m helpers.pipeline run``)
"""

__version__ = "0.1.0"
