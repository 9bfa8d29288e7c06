package serve

import "testing"

// sheet is the address at which the preview serves the site's style sheet:
// its hashed name, as in a built site (see assets.Fingerprint).
func sheet(t *testing.T, s *Server) string {
	t.Helper()
	s.mu.RLock()
	defer s.mu.RUnlock()
	h, ok := s.plan.Hashed("css/report.css")
	if !ok {
		t.Fatal("the site has no css/report.css")
	}
	return "/" + h
}
