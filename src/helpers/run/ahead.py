"""Reports made while later notebooks run: the runner's HTML pages and data exports, overlapped with execution.

The kernel runs each notebook in its own process; meanwhile the runner only waits. :class:`ReportsAhead` uses that
wait: when a notebook has finished, its HTML page is exported in a background thread (with the navigation bar of
every selected notebook, the pages a complete run publishes); the CSV files of the tables it wrote are written then
too (each table is written by one notebook), and once the last notebook that writes tables has finished, the rest of
the CSV files, the SQLite file and the explorer are made from the final tables while the figure notebooks run.

Nothing here decides what is published. At the end the runner calls
:func:`helpers.run.reports.build_reports` as before: a page exported ahead is then found in the page cache
(``reports/.html-cache``; same executed notebook, options and pages) and copied, and the data exports are skipped
when :attr:`ReportsAhead.data_key` equals the final tables, code and pages; when the run failed or a table
changed after all, the pages differ or the key does, and the exports are made again at the end. A failure in the
background is ignored for the same reason (the end repeats the work and reports any error).
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


class ReportsAhead:
    """One background thread for a run's reports (``pages``: the stems of the selected notebooks, in order)."""

    def __init__(self, reports_dir: Path, processed_dir: Path, pages: list[str], show_code: bool):
        self.reports_dir, self.processed_dir = Path(reports_dir), Path(processed_dir)
        self.pages, self.show_code = sorted(pages), show_code
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warclaims-reports")
        self.jobs = []
        self.data_key: dict | None = None
        self.csv_made: dict[str, str] = {}  # table -> SHA-256 of the table file its CSV was written from

    def page(self, executed: Path) -> None:
        """Export ``executed`` (a notebook that just finished) to HTML in the background."""
        from helpers.run import reports

        self.jobs.append(self.pool.submit(reports.export_notebook_html, executed, self.reports_dir / "html",
                                          show_code=self.show_code, pages=self.pages))

    def tables(self, names, hashes: dict[str, str]) -> None:
        """Write the CSV files of the tables ``names`` that a notebook has just written (``hashes``: ``{file name:
        sha256}`` of the folder now), so the data exports at the end of the tables have only the last notebooks'
        CSVs left to write; each is recorded in :attr:`csv_made` with the hash of the table it was made from."""
        from helpers.run import reports

        names = [n for n in names if n in reports.CSV_TABLES and f"{n}.parquet" in hashes]
        if not names:
            return

        def export():
            reports.export_tables_csv(self.processed_dir, self.reports_dir / "tables", tuple(names))
            self.csv_made.update({n: hashes[f"{n}.parquet"] for n in names})

        self.jobs.append(self.pool.submit(export))

    def data(self, key: dict) -> None:
        """Make the CSV, SQLite and explorer exports of the tables as they are now; ``key`` (tables, code, pages) is
        what they were made from, kept in :attr:`data_key` once they succeed. A CSV made ahead (:meth:`tables`)
        from a table with the hash ``key`` gives it is not written again."""
        from helpers.run import reports

        def export():
            done = [n for n, h in self.csv_made.items() if key["tables"].get(f"{n}.parquet") == h]
            reports.export_data(self.processed_dir, self.reports_dir, self.pages, csv_done=done)
            self.data_key = key

        self.jobs.append(self.pool.submit(export))

    def wait(self) -> None:
        """Wait for every job; errors are left to the end of the run, which repeats what failed."""
        for job in self.jobs:
            try:
                job.result()
            except Exception:  # repeated (and reported) by build_reports
                pass
        self.pool.shutdown(wait=True)
