// Package markdown turns the editors' Markdown into HTML. It is the project's
// one door to goldmark, configured once per build, with the report's own
// extensions:
//
//   - GitHub tables, strikethrough and task lists, footnotes, definition
//     lists;
//   - heading ids that keep Danish readable ("Økonomi og støtte" →
//     "oekonomi-og-stoette");
//   - fenced blocks `table`, `chart`, `keyfigure` and `cases`, whose TOML
//     bodies name metrics and years (or a theme) and are drawn from the data,
//     so no figure is typed twice; charts are drawn by package chart;
//   - inline references {{…}} resolved by package refs: a figure from the
//     data, or one of the edition's years; a warning where prose types a
//     figure the data holds;
//   - in a page copied from an earlier edition, the places that still state
//     that edition's years and figures (package draft);
//   - limits on a body's shape, checked before goldmark parses it, so that
//     no input costs more than its size allows (guard.go);
//   - root-relative links prefixed with the site's base path, and unsafe
//     links (javascript:) refused;
//   - raw HTML shown as text, never passed through.
//
// Convert parses and renders a page's body in one step. It finds every
// problem (a bad block, an unknown metric, an image without alt text) with
// its file position; rendering then cannot fail on content.
package markdown
