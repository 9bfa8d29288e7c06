// Package hostfiles writes the files that hosts and crawlers read beside
// the pages: _headers and _redirects (Netlify, Cloudflare Pages),
// robots.txt, sitemap.xml and the Atom feed of case stories.
//
// Each is a pure function of what the plan publishes (package render
// decides the files and hands over their paths, policies and pages), so
// that each can be tested on its own and none can reach into the pages'
// rendering.
package hostfiles
