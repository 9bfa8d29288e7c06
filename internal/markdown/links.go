package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkTransformer prefixes root-relative links with the site's base path, so
// that [klyngerne](/2016/klynger/) works when the site is served under
// /rapport/, refuses script URLs, requires alt text on images, and records
// every destination for the link check.
type linkTransformer struct{}

func (t *linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = st.checkDestination(l, l.Destination)
			l.Title = st.expandTitle(l, l.Title)
		case *ast.Image:
			l.Destination = st.checkDestination(l, l.Destination)
			l.Title = st.expandTitle(l, l.Title)
			if strings.TrimSpace(plainText(l, st.src)) == "" {
				st.errorf(st.offsetOf(l), "image %q has no alt text; describe it: ![what it shows](%s)", l.Destination, l.Destination)
			}
		case *ast.AutoLink:
			st.checkDestination(l, l.URL(st.src))
		}
		return ast.WalkContinue, nil
	})
}

func (st *state) checkDestination(n ast.Node, dest []byte) []byte {
	s := strings.TrimSpace(string(dest))
	if strings.Contains(s, "{{") {
		// A link into the page's own edition, /{{udgave}}/klynger/, follows
		// the edition when the page is copied into the next.
		s = st.expandLink(n, s)
		dest = []byte(s)
	}
	scheme, _, hasScheme := strings.Cut(schemeOf(s), ":")
	if hasScheme && !strings.ContainsAny(scheme, "/?#") && scheme != "http" && scheme != "https" && scheme != "mailto" {
		st.errorf(st.offsetOf(n), "link to %q: only http, https and mailto links are allowed", s)
		return []byte("#")
	}
	external := hasScheme && !strings.ContainsAny(scheme, "/?#") || strings.HasPrefix(s, "//")
	if _, isImage := n.(*ast.Image); isImage && external {
		st.errorf(st.offsetOf(n), "image %q is on another host, which the pages' Content-Security-Policy blocks; save the image beside the page, in content/, and link it by its path", s)
		return []byte("#")
	}
	line, col := st.position(st.offsetOf(n))
	st.links = append(st.links, Link{Dest: s, Text: plainText(n, st.src), Line: line, Col: col})
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		return []byte(strings.TrimSuffix(st.conv.opts.BasePath, "/") + s)
	}
	return dest
}

// schemeOf is a destination as a browser reads its scheme: with character
// references decoded ("javascript&colon;" is "javascript:"), the tabs and
// line breaks a browser drops removed, and in lower case.
func schemeOf(dest string) string {
	s := html.UnescapeString(dest)
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	return strings.ToLower(strings.TrimLeftFunc(s, func(r rune) bool { return r <= ' ' }))
}

// offsetOf finds a node's offset in the source: goldmark records it for
// most nodes; otherwise the node's first text will do.
func (st *state) offsetOf(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return 0
}

// expandTitle resolves the references in a link's or a picture's title,
// as in its address: a title is text readers see.
func (st *state) expandTitle(n ast.Node, title []byte) []byte {
	if !bytes.Contains(title, []byte("{{")) {
		return title
	}
	out, problems := st.conv.figures.Expand(st.edition, string(title))
	for _, msg := range problems {
		st.errorf(st.offsetOf(n), "title %q: %s", title, msg)
	}
	return []byte(out)
}

func (st *state) expandLink(n ast.Node, dest string) string {
	out, problems := st.conv.figures.Expand(st.edition, dest)
	for _, msg := range problems {
		st.errorf(st.offsetOf(n), "link %q: %s", dest, msg)
	}
	return out
}
