package render

// SearchURL is the path of the search page. Its results come from an index
// that Pagefind writes into the built site (pagefind/, see `make publish`);
// the page itself is an ordinary page of the build, and says so when the
// index is not there.
const SearchURL = "soeg/"
