package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/diskfs"
	"report/internal/site"
	"report/internal/slugs"
	"report/internal/textfile"
	"report/internal/tomlfile"
)

// loadData reads data/ and refuses to scaffold on top of broken data: the new
// file would only add to the confusion.
func loadData(root string) (*data.Data, error) {
	var problems diag.List
	d := data.Load(diskfs.Dir(root), &problems)
	if err := problems.Err(); err != nil {
		return nil, fmt.Errorf("fix these problems in data/ first:\n%w", err)
	}
	return d, nil
}

// NewCase writes content/<edition>/cases/<slug>.md and returns its path.
func NewCase(root string, edition int, clusterID, title string) (string, error) {
	d, err := loadData(root)
	if err != nil {
		return "", err
	}
	e := d.Edition(edition)
	if e == nil {
		return "", fmt.Errorf("there is no edition %d; the editions are: %s", edition, editionList(d))
	}
	if !slices.Contains(e.Clusters, clusterID) {
		return "", fmt.Errorf("unknown cluster %q for edition %d; the valid ids are:\n  %s", clusterID, edition, strings.Join(e.Clusters, "\n  "))
	}
	// A control character would be refused by check at the title's line
	// (tomlfile): say so before any file is written.
	if i := strings.IndexFunc(title, unicode.IsControl); i >= 0 {
		return "", fmt.Errorf("the title holds a control character (%U); remove it", []rune(title[i:])[0])
	}
	slug := shortSlug(slugs.Make(title), slugs.Max)
	if slug == "" {
		return "", errors.New("the title needs at least one letter or digit")
	}
	rel := filepath.Join(site.ContentDir, strconv.Itoa(edition), "cases", slug+".md")
	return rel, create(root, rel, caseTemplate(title, d.Cluster(clusterID)))
}

// shortSlug cuts a slug to at most n bytes, at a hyphen where there is one.
func shortSlug(slug string, n int) string {
	if len(slug) <= n {
		return slug
	}
	cut := slug[:n]
	if i := strings.LastIndexByte(cut, '-'); i > n/2 {
		cut = cut[:i]
	}
	return strings.Trim(cut, "-")
}

func caseTemplate(title string, c *data.Cluster) string {
	themes := site.ThemeIDs()
	return fmt.Sprintf(`+++
# The story's headline, as readers see it.
title = %s

# The cluster the story comes from: %s.
cluster = %s

# What kind of activity the story shows; one of:
# %s
theme = ""

# One sentence for the list of cases and for link previews.
summary = ""

# The pull quote, shown large at the top of the story.
[quote]
# The quoted words, without quotation marks.
text = ""
# Who said it.
person = ""
# Their role, for example "Adm. direktør"; leave empty if the source gives none.
role = ""
# Their company or organisation.
organisation = ""

# The story follows the +++ line below, in Markdown. A figure from the data
# is written {{metric-id}} (the edition's data year) or {{metric-id 2015}};
# the edition's year as {{dataår}}. See docs/content-model.md.
+++

%s
`, tomlfile.Quote(title), c.Name, tomlfile.Quote(c.ID), strings.Join(themes, ", "), site.StoryPlaceholder)
}

// create writes a new file, refusing to replace one, and to write through
// a link (see diskfs.Dir.Create).
func create(root, rel, text string) error {
	err := diskfs.Dir(root).Create(filepath.ToSlash(rel), []byte(text))
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; it was left as it was (choose another title, or edit that file)", filepath.ToSlash(rel))
	}
	return err
}

// readText reads a text file of the site as the build reads it: only its
// own files (no link), with a byte order mark and Windows line ends
// taken away, so that a copy starts with its front matter.
func readText(root, rel string) (string, error) {
	var problems diag.List
	src, ok := textfile.Read(diskfs.Dir(root), filepath.ToSlash(rel), &problems)
	if !ok {
		return "", problems.Err()
	}
	return string(src), nil
}

func editionList(d *data.Data) string {
	var years []string
	for _, e := range d.Editions {
		years = append(years, strconv.Itoa(e.Year))
	}
	if len(years) == 0 {
		return "(none yet)"
	}
	return strings.Join(years, ", ")
}
