"""HTML and DOCX tables (also HTML tables embedded in Markdown or text): the cells come from the markup."""

from __future__ import annotations

from auditor.policy.claims import Context, ExtractorKind, Structure
from auditor.policy.document import Document
from auditor.policy.table import Grid, read_grid

CONFIDENCE = 0.9


class HtmlTableExtractor:
    kind = ExtractorKind.HTML_TABLE

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        out = []
        for table in doc.tables:
            structure = read_grid(Grid(table.rows, self.kind), ctx, CONFIDENCE)
            if structure is not None:
                out.append(structure)
        return out
