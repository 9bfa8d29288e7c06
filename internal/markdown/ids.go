package markdown

import (
	"slices"
	"strconv"

	"github.com/yuin/goldmark/ast"

	"report/internal/slugs"
)

// headingIDs gives headings (and data tables) ids made with slugs.Make,
// unique within the page: a second "Formål" becomes "formaal-2".
type headingIDs struct{ used map[string]bool }

// LayoutIDs are the ids the layouts give their own elements: a body's
// heading "Indhold" must not take "indhold", the main element's, which the
// skip link leads to. TestLayoutIDsReserved keeps the list in step with
// layouts/.
var LayoutIDs = []string{"forord", "historik", "historik-titel", "indhold", "indhold-titel", "kladde-titel", "kolonner", "kolonner-titel", "noegletal", "soeg-felt", "toc-titel", "udgaver"}

func newHeadingIDs() *headingIDs {
	h := &headingIDs{used: make(map[string]bool, len(LayoutIDs)+8)}
	for _, id := range LayoutIDs {
		h.used[id] = true
	}
	return h
}

// anchors are the ids the body gave its elements, without the layouts'
// (see Doc.HasAnchor): a map of its own, a few entries where used has a
// dozen more for every page of the site.
func (h *headingIDs) anchors() map[string]bool {
	out := make(map[string]bool, len(h.used)-len(LayoutIDs))
	for id := range h.used {
		if !slices.Contains(LayoutIDs, id) {
			out[id] = true
		}
	}
	return out
}

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	return []byte(h.unique(slugs.Make(string(value))))
}

// Put implements parser.IDs; it records an id an editor set by hand.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

func (h *headingIDs) unique(base string) string {
	if base == "" {
		base = "afsnit"
	}
	id := base
	for n := 2; h.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	h.used[id] = true
	return id
}
