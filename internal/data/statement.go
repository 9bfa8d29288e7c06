package data

import (
	"net/url"
	"regexp"
)

// webAddress is the grammar of an address the site links to from every
// page and writes into the hosts' files (_redirects, the nginx example):
// https, a host, a path and query of printable characters that no line of
// those files splits on. Percent escapes are checked apart: decoded, one
// could hold a line break.
var webAddress = regexp.MustCompile(`^https://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._~!$&()*+,;=:@%/-]*)?(\?[A-Za-z0-9._~!$&()*+,;=:@%/?-]*)?$`)

// controlEscape is a percent escape of a control character or a space.
var controlEscape = regexp.MustCompile(`%([01][0-9A-Fa-f]|7[Ff]|20)`)

// maxAddress bounds an address: a longer one is no address a reader types.
const maxAddress = 2000

// isWebAddress reports whether s is a full https address, fit for a link
// in every page's footer and for the hosts' redirect file.
func isWebAddress(s string) bool {
	if len(s) > maxAddress || !webAddress.MatchString(s) || controlEscape.MatchString(s) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Host != ""
}
