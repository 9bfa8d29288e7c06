// Package cms makes the editors' CMS at /admin/: Sveltia CMS, a Git-based
// CMS that gives editors forms in the browser and commits Markdown and
// TOML to the repository, with its configuration generated from the
// content model and the data, so that the forms cannot drift from what
// `report check` accepts.
//
// The configuration names every edition's case stories and chapters, each
// year's figures and each edition's file. A field is required where check
// requires the key, is a choice where check accepts only the ids of a
// list (clusters, themes), and is a whole number where the metric is a
// count. The English file of a page holds only what a translation may
// hold: the fields marked i18n, the others are written once, in the
// Danish file (see site.WrittenOnce).
//
// The CMS itself, Sveltia's bundle, comes from npm (pinned in tools/cms)
// and is copied in by `make publish` and `make edit`; `report build`
// alone writes an admin page that says how to get it.
package cms
