package data

import (
	"net/url"
	"strings"
)

// isWebAddress reports whether s is a full https address, fit for a link
// in every page's footer and for the hosts' redirect file: a host, and
// nothing a line of _redirects would split on.
func isWebAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != "" && !strings.ContainsAny(s, " \t\r\n\"'<>")
}
