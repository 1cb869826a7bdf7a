"""The investment map: a self-contained HTML report of the marts, for people rather than BI tools.

`data` reads plain figures from the working DuckDB file (the marts, and SQL over `deals` in the `.sql`
files here), `svg` draws bar charts as inline SVG, `sections` and `coverage` build one section each from
those figures, `html` lays the page out, `units` writes numbers for readers and `output` writes the file
atomically. The page loads nothing: no scripts, fonts or stylesheets from elsewhere, so it opens offline.
Every name that came from a source is escaped where it lands (`warehouse.safe_text.html_text`).
"""
