// Stands in for Pagefind's search bundle in a site that has not been
// indexed: `make build` and `make serve` copy this file, and `make publish`
// runs Pagefind, which writes the real pagefind/pagefind.js over it. The
// search page (static/js/search.js) imports this address either way, and
// on finding this stand-in says that search is built when the site is
// published, instead of failing on a missing file.
export const notBuilt = true;
