// Package figures is the report's figure language: what an editor writes
// inside Markdown to show the data.
//
//   - fenced blocks `table`, `chart` and `keyfigure`, whose TOML bodies name
//     metrics and years and are drawn from the data, so no figure is typed
//     twice; charts are drawn by package chart, with CSV and JSON downloads;
//   - references {{…}} in the text (package refs): a figure from the data or
//     one of the edition's years;
//   - a warning where text types a figure the data holds.
//
// It knows nothing of goldmark: package markdown finds the blocks and the
// references in the text and hands them here, with the page they are on
// and where they stand in its file. Every problem goes to the page's list
// with that position.
//
// A page's blocks are drawn in the language of the data they are given
// (data.Data.Lang, set by data.In): figures written its way, charts drawn
// in it, the CSV downloads as its spreadsheets read them, and the words of
// tables and charts from the [table] and [figures] sections of its
// i18n/<code>.toml.
package figures
