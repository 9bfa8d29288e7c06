package site

import (
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"

	"report/internal/diag"
	"report/internal/markdown"
	"report/internal/urls"
)

// StaticDir holds CSS, fonts and icons, copied to the output as they are.
const StaticDir = "static"

// checkLinks reports every internal link in the Markdown that leads nowhere:
// a page the site does not have, or an anchor the page does not contain.
func (s *Site) checkLinks(problems *diag.List) {
	targets := s.urls()
	for _, p := range s.pages() {
		if p.Body == nil {
			continue
		}
		for _, l := range p.Body.Links {
			if msg := checkLink(p, l.Dest, targets); msg != "" {
				problems.Errorf(p.Source, l.Line, l.Col, "broken link %q: %s", l.Dest, msg)
			} else if other := s.otherEdition(p, l); other != 0 {
				problems.Errorf(p.Source, l.Line, l.Col, "link %q leads into edition %d from a page of edition %d; "+
					"link to this edition's page (/{{udgave}}/…), or, if the %d edition is meant, say so in the link's text, like [klyngerne i %d-udgaven](%s)",
					l.Dest, other, p.Edition, other, other, l.Dest)
			}
		}
	}
}

func checkLink(from *Page, dest string, targets map[string]*Page) string {
	u, err := url.Parse(dest)
	switch {
	case err != nil:
		return "not a valid URL"
	case u.Scheme != "" || u.Host != "":
		return "" // external links are checked by CI's crawler, not by every build
	}
	target := path.Clean("/" + from.URL + u.Path)
	if strings.HasPrefix(u.Path, "/") {
		target = path.Clean(u.Path)
	}
	key := strings.TrimPrefix(target, "/")
	if u.Path == "" {
		key = strings.TrimSuffix(from.URL, "/")
	}
	page, ok := targets[key]
	if !ok {
		page, ok = targets[key+"/"]
		if ok && !strings.HasSuffix(u.Path, "/") && u.Path != "" {
			return "page URLs end with a slash: write " + strings.TrimSuffix(u.Path, "/") + "/"
		}
	}
	if !ok {
		if key == "" {
			return ""
		}
		return "no page or file has this address"
	}
	if u.Fragment != "" && page != nil && page.Body != nil && !page.Body.HasAnchor(u.Fragment) {
		return "the page has no heading or table with id " + u.Fragment
	}
	return ""
}

// otherEdition returns the edition a link leads into when that is not the
// page's own and the link's text does not name it: a chapter copied into
// next year's edition would otherwise send readers back a year unawares.
func (s *Site) otherEdition(from *Page, l markdown.Link) int {
	u, err := url.Parse(l.Dest)
	if err != nil || u.Scheme != "" || u.Host != "" || from.Edition == 0 {
		return 0
	}
	target := u.Path
	if !strings.HasPrefix(target, "/") {
		target = "/" + from.URL + target
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(path.Clean(target), "/"), "/")
	year, err := strconv.Atoi(first)
	if err != nil || year == from.Edition || s.Data.Edition(year) == nil || strings.Contains(l.Text, first) {
		return 0
	}
	return year
}

// urls lists every address the site will have. Pages written by Markdown map
// to their Page so anchors can be checked; generated pages map to nil.
func (s *Site) urls() map[string]*Page {
	out := map[string]*Page{"": nil}
	for _, e := range s.Editions {
		out[urls.Cases(e.Year)] = nil
		out[urls.Clusters(e.Year)] = nil
		for _, id := range e.Clusters {
			out[urls.Cluster(e.Year, id)] = nil
		}
	}
	for _, p := range s.pages() {
		out[p.URL] = p
	}
	for _, a := range s.Assets {
		out[a.URL] = nil
	}
	return out
}

// pages lists every Markdown page of every edition.
func (s *Site) pages() []*Page {
	var out []*Page
	for _, e := range s.Editions {
		if e.Front != nil {
			out = append(out, e.Front)
		}
		out = append(out, e.Chapters...)
		for _, c := range e.Cases {
			out = append(out, &c.Page)
		}
	}
	return out
}

// scanStatic lists the files under static/.
func (s *Site) scanStatic(fsys fs.FS, problems *diag.List) {
	_ = fs.WalkDir(fsys, StaticDir, func(p string, e fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if p != StaticDir {
				problems.Errorf(p, 0, 0, "cannot read: %v", err)
			}
			return nil
		case e.Type()&fs.ModeSymlink != 0:
			problems.Errorf(p, 0, 0, "symbolic links are not followed; copy the file instead")
		case e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") && checkStatic(p, e, problems) && pictureFits(fsys, p, problems):
			s.Assets = append(s.Assets, Asset{Source: p, URL: strings.TrimPrefix(p, StaticDir+"/")})
		}
		return nil
	})
}
