package sitecheck

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"strings"
)

var (
	// editionFront matches an edition's front page, in either language.
	editionFront  = regexp.MustCompile(`^(en/)?(\d{4})/index\.html$`)
	inEditionPath = regexp.MustCompile(`^(en/)?\d{4}/`)
)

// ClickProblems follows the links of a site served at the root, as a
// reader clicks: every page of an edition (its chapters, case stories and
// clusters) must be at most two clicks from that edition's front page,
// every edition's front page one click from the site's front page or its
// archive, and every other page at most two clicks from the front page;
// the same holds for the English pages from the English front page. It
// returns what breaks the rule, and how many editions the site has.
func (s Site) ClickProblems() (problems []string, editions int) {
	for _, front := range s.Pages() {
		m := editionFront.FindStringSubmatch(front)
		if m == nil {
			continue
		}
		if m[1] == "" {
			editions++
		}
		home, archive := m[1]+"index.html", m[1]+"arkiv/index.html"
		if !s.within(home, 1)[front] && !s.within(archive, 1)[front] {
			problems = append(problems, fmt.Sprintf("%s is more than one click from %s and %s", front, home, archive))
		}
		near := s.within(front, 2)
		for _, p := range s.Pages() {
			if strings.HasPrefix(p, m[1]+m[2]+"/") && !near[p] {
				problems = append(problems, fmt.Sprintf("%s is more than two clicks from its edition's front page, %s", p, front))
			}
		}
	}
	near := map[string]bool{}
	for _, home := range []string{"index.html", "en/index.html"} {
		maps.Copy(near, s.within(home, 2))
	}
	for _, p := range s.Pages() {
		if !inEditionPath.MatchString(p) && !near[p] && path.Base(p) != "404.html" {
			problems = append(problems, fmt.Sprintf("%s is more than two clicks from the front page", p))
		}
	}
	return problems, editions
}

// within is the set of pages at most n clicks from the page start.
func (s Site) within(start string, n int) map[string]bool {
	seen := map[string]bool{start: true}
	frontier := []string{start}
	for range n {
		var next []string
		for _, p := range frontier {
			for _, ref := range s.Refs(p) {
				target, _, internal := Resolve(p, ref, "/")
				if internal && !seen[target] && strings.HasSuffix(target, ".html") {
					seen[target] = true
					next = append(next, target)
				}
			}
		}
		frontier = next
	}
	return seen
}
