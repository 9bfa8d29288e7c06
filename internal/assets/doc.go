// Package assets publishes the files of content/ and static/ that are
// copied rather than rendered: it gives the files of static/ that pages
// load names carrying a hash of their content (Fingerprint), rewrites the
// references in the style sheets to those names with tdewolff's CSS lexer
// and minifies them, and reads every asset safely (File).
//
// Assets are the only files read after the site is loaded, by then perhaps
// changed: the scan refused symbolic links, but a file can be swapped for
// one afterwards, and Open follows links. So every read makes sure that
// what it opened is the regular file at the asset's path, and no bigger
// than site.MaxAssetSize; and the preview serves the bytes its build read
// (see File.Keep), never what the path leads to at the time of a request.
package assets
