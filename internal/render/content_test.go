package render

import (
	"testing"

	"report/internal/markdown"
	"report/internal/site"
)

// TestContentOfABodyWithoutHTML fills the lists of case stories of a body
// whose HTML could not be had again (its file changed while the build ran,
// and the build fails for it): an empty page, not a panic.
func TestContentOfABodyWithoutHTML(t *testing.T) {
	body := (&markdown.Doc{Cases: []markdown.CaseList{{At: 120, Theme: "matchmaking"}}}).WithHTMLFrom(func() string { return "" })
	r := &Renderer{}
	if got := r.content(body, &site.Edition{}); got != "" {
		t.Errorf("content = %q, want none", got)
	}
}
