// Package serve is the editors' preview: it builds the site into memory,
// serves it as a static host would, watches the site's folders and rebuilds
// on every change, and tells open pages to reload.
//
// Pages are looked up in the rendered output, never on disk, so no request
// can reach a file outside the site whatever its path; and assets are
// served as the build read them (render.Plan.KeepAssets), so a file swapped
// for a link after a build cannot lead a request out either. When a build
// fails the last good site stays in memory, and every page shows the errors
// instead, until the next good build. The reload script is added to pages
// only here, as a file of its own (the pages' Content-Security-Policy forbids
// inline script); it never reaches public/.
package serve
