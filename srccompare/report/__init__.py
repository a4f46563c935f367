"""The reports: report.json (data), report.html and report.pdf (the same HTML, bounded for print).

``write_reports(analysis, out_dir, formats)`` is the entry point; ``jsonreport`` turns an ``Analysis``
into contract JSON; ``view`` turns it into template-ready rows; ``charts`` computes chart geometry;
``render`` owns the Jinja environment and the PDF renderer.
"""

from srccompare.report.writer import FORMATS, write_reports

__all__ = ["FORMATS", "write_reports"]
