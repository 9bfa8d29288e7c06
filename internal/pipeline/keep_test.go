package pipeline

import (
	"slices"
	"testing"
)

// TestSortedPaths: the kept files' paths come sorted, each once, whether
// the plan's list holds them all (taken from it), misses one, or is not
// sorted (sorted afresh either way).
func TestSortedPaths(t *testing.T) {
	files := map[string]keptFile{"b/index.html": {}, "a/index.html": {}, "index.html": {}}
	want := []string{"a/index.html", "b/index.html", "index.html"}
	for _, order := range [][]string{
		nil,
		{"a/index.html", "b/index.html", "c/index.html", "index.html"}, // holds them all, and more
		{"a/index.html", "index.html"},                                 // misses one
		{"b/index.html", "a/index.html", "index.html"},                 // not sorted
		{"a/index.html", "a/index.html", "index.html"},                 // a path twice, one missing
	} {
		if got := sortedPaths(files, order); !slices.Equal(got, want) {
			t.Errorf("with order %q, sortedPaths = %q; want %q", order, got, want)
		}
	}
}
