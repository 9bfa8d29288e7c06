// Package markdown turns the editors' Markdown into HTML. It is the project's
// one door to goldmark, configured once per build, with the report's own
// extensions:
//
//   - GitHub tables, strikethrough and task lists, footnotes, definition
//     lists;
//   - heading ids that keep Danish readable ("Økonomi og støtte" →
//     "oekonomi-og-stoette");
//   - the report's figure language, through the Figures interface
//     (figurelang.go) that package figures implements: fenced blocks
//     `table`, `chart` and `keyfigure` are handed to it with their place,
//     and so are inline references {{…}} and the text, for figures typed
//     where the data holds them. This package imports neither the data
//     nor the charts;
//   - `cases` blocks, which mark where the edition's case stories of a
//     theme are listed;
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
