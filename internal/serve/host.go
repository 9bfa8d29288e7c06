package serve

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// Host checks guard against DNS rebinding: a page on any web site can point
// its own name at 127.0.0.1 and then read the preview with the reader's
// browser, which sends that name as the request's Host. The preview answers
// only to its own addresses: localhost, 127.0.0.1 and [::1], the address the
// request came in on, and the names given to AllowHost, each with the port
// it listens on.

// AllowHost lets requests name the preview host (a name or an address,
// without a port), as `report serve --bind host` does: a browser sends
// the name it was given.
func (s *Server) AllowHost(host string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hosts == nil {
		s.hosts = map[string]bool{}
	}
	s.hosts[canonicalHost(host)] = true
}

// hostAllowed reports whether the request's Host is the preview's own.
func (s *Server) hostAllowed(r *http.Request) bool {
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		host, port = r.Host, "80" // a browser leaves out the default port
	}
	host = canonicalHost(host)
	local, _ := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if local == nil {
		return false
	}
	localHost, localPort, err := net.SplitHostPort(local.String())
	if err != nil || port != localPort {
		return false
	}
	switch host {
	case "localhost", "127.0.0.1", "::1", canonicalHost(localHost):
		return true
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.hosts[host]
}

// canonicalHost makes names compare as a browser would: case-insensitive,
// an IPv6 address with or without its brackets, in one spelling.
func canonicalHost(h string) string {
	h = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(h, "["), "]"))
	if ip := net.ParseIP(h); ip != nil {
		return ip.String()
	}
	return h
}

// misdirected refuses a request for another host, and says where the
// preview is.
func misdirected(w http.ResponseWriter, r *http.Request) {
	port := "1313"
	if local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if _, p, err := net.SplitHostPort(local.String()); err == nil {
			port = p
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusMisdirectedRequest)
	fmt.Fprintf(w, "misdirected request: this preview answers only at http://localhost:%s/ and the addresses it was started on\n", port)
}
