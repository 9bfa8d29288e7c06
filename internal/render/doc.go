// Package render turns the loaded site model into the files of the site.
//
// New parses the templates of layouts/; Renderer.Plan then decides every
// file of the site without rendering any: the pages, the files published
// beside them (chart downloads, the editions' share images), the files of
// content/ and static/ (package assets names and reads them), and the
// files hosts and crawlers read (package hostfiles writes them). A plan in
// which two sources would write one path fails. Where each kind of page
// is published is package urls' to say.
//
// The package writes nothing to disk, and a Plan renders a page only when
// asked for it, so that each caller takes the files its own way: the build
// streams them (Plan.Stream) into the output folder as each one is
// rendered, copying assets from the site folder rather than holding them;
// the check command renders them all into memory (Plan.RenderAll, an
// Output) and discards them; the preview server renders a page when a
// browser asks for it (Plan.File), and serves assets as KeepAssets read
// them. An edition's print page is no file of the site: package printpage
// assembles it from the plan's pages (Plan.Page, Plan.RenderMain) for
// report-pdf, and publishes the PDFs printed from it (Plan.Publish).
//
// Templates are parsed and checked before any page is rendered, and every
// template error names layouts/<file>:line. An html/template escaping
// error is found only when a template first runs, so it surfaces while
// pages render, with the same position.
package render
