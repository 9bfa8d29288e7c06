// Package render turns the loaded site model into the files of the site.
//
// New parses the templates of layouts/; Renderer.Plan then decides every
// file of the site without rendering any: the pages, the files published
// beside them (robots.txt, and with a host in the base URL sitemap.xml and
// the feed; chart downloads; the editions' share images), the files of
// content/ under their own names and those of static/ under hashed names
// (see fingerprint.go), and the hosts' _redirects and _headers. A plan in
// which two sources would write one path fails.
//
// The package writes nothing to disk, and a Plan renders a page only when
// asked for it, so that each caller takes the files its own way: the build
// streams them (Plan.Stream) into the output folder as each one is
// rendered, copying assets from the site folder rather than holding them;
// the check command renders them all into memory (Plan.RenderAll, an
// Output) and discards them; the preview server renders a page when a
// browser asks for it (Plan.File), and serves assets as KeepAssets read
// them. An edition's print page (see print.go) is no file of the site:
// report-pdf asks for it (Plan.PrintPage) to print the edition's PDF, and
// a build given those PDFs publishes them (Plan.AddPDFs).
//
// Templates are parsed and checked before any page is rendered, and every
// template error, at parse or execution time, names layouts/<file>:line.
package render
