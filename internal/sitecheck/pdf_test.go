//go:build sitecheck

package sitecheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestPDF checks each edition's PDF in the built site (make publish makes
// them) with poppler's pdfinfo and pdftotext and with qpdf, against the
// site's own pages: it is tagged, in Danish, with a title, an author and
// XMP metadata; its outline has every chapter and section of the chapters'
// pages and every case story; its text has every case story's title and
// every figure of the chapters' tables; every chart is a figure with a text
// alternative; and no link leads to the address it was printed from.
func TestPDF(t *testing.T) {
	if *siteDir == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	for _, tool := range []string{"pdfinfo", "pdftotext", "qpdf"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("the PDF checks need %s: apt-get install poppler-utils qpdf", tool)
		}
	}
	s, err := Read(os.DirFS(*siteDir))
	if err != nil {
		t.Fatal(err)
	}
	editions := editionsOf(s)
	if len(editions) == 0 {
		t.Fatal("the site has no edition")
	}
	for _, year := range editions {
		// Each edition's PDF, and its English PDF where it has English pages.
		for _, lang := range []string{"da", "en"} {
			folder := year
			if lang != "da" {
				folder = lang + "/" + year
				if _, ok := s[folder+"/index.html"]; !ok {
					continue
				}
			}
			name := fmt.Sprintf("%s/performanceregnskab-%s.pdf", folder, year)
			if _, ok := s[name]; !ok {
				t.Errorf("%s: no PDF; make publish makes it", name)
				continue
			}
			t.Run(folder, func(t *testing.T) { checkPDF(t, s, folder, lang, *siteDir+"/"+name) })
		}
	}
}

var editionPage = regexp.MustCompile(`^(\d{4})/index\.html$`)

func editionsOf(s Site) []string {
	var out []string
	for _, p := range s.Pages() {
		if m := editionPage.FindStringSubmatch(p); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// expected is what an edition's pages say that its PDF must say too.
type expected struct {
	chapters, sections, cases []string
	quotes                    []string // the case stories' pull quotes
	figures                   []string // the cells of the chapters' tables
}

var (
	h1Elem     = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	h2Section  = regexp.MustCompile(`(?s)<h2 id="([^"]*)"[^>]*>(.*?)</h2>`)
	numCell    = regexp.MustCompile(`(?s)<td class="num[^"]*"[^>]*>(.*?)</td>`)
	dataTable  = regexp.MustCompile(`(?s)<figure class="data-table".*?</figure>`)
	tagPattern = regexp.MustCompile(`<[^>]*>`)
	hiddenNote = regexp.MustCompile(`(?s)<span class="visually-hidden">.*?</span>`)
	pullQuote  = regexp.MustCompile(`(?s)<blockquote><p>(.*?)</p></blockquote>`)
)

// text is an element's text, its spaces as a reader reads them.
func text(s string) string {
	s = hiddenNote.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(html.UnescapeString(tagPattern.ReplaceAllString(s, " "))), " ")
}

// expectations reads the pages of an edition in one language, below
// folder: "2016", "en/2016".
func expectations(s Site, folder string) expected {
	var e expected
	for _, p := range s.Pages() {
		dir := path.Dir(p)
		switch {
		case path.Dir(dir) == folder+"/cases":
			if m := h1Elem.FindStringSubmatch(string(s[p])); m != nil {
				e.cases = append(e.cases, text(m[1]))
			}
			if m := pullQuote.FindStringSubmatch(string(s[p])); m != nil {
				e.quotes = append(e.quotes, text(m[1]))
			}
		case path.Dir(dir) == folder && path.Base(dir) != "cases" && path.Base(dir) != "klynger" && strings.HasSuffix(p, "/index.html"):
			page := string(s[p])
			if !strings.Contains(page, "page-chapter") {
				continue
			}
			if m := h1Elem.FindStringSubmatch(page); m != nil {
				e.chapters = append(e.chapters, text(m[1]))
			}
			for _, m := range h2Section.FindAllStringSubmatch(page, -1) {
				if m[1] != "toc-titel" {
					e.sections = append(e.sections, text(m[2]))
				}
			}
			for _, table := range dataTable.FindAllString(page, -1) {
				for _, m := range numCell.FindAllStringSubmatch(table, -1) {
					if v := text(m[1]); v != "" {
						e.figures = append(e.figures, v)
					}
				}
			}
		}
	}
	slices.Sort(e.figures)
	e.figures = slices.Compact(e.figures)
	return e
}

func checkPDF(t *testing.T, s Site, folder, lang, file string) {
	want := expectations(s, folder)
	if len(want.chapters) == 0 || len(want.cases) == 0 || len(want.figures) == 0 {
		t.Fatalf("found %d chapters, %d case stories and %d table figures on the site's pages; has their markup changed?", len(want.chapters), len(want.cases), len(want.figures))
	}

	info := run(t, "pdfinfo", file)
	for _, field := range []string{"Tagged", "Title", "Author", "Pages", "Metadata Stream"} {
		v := infoField(info, field)
		switch {
		case v == "":
			t.Errorf("pdfinfo shows no %s", field)
		case field == "Tagged" && v != "yes", field == "Metadata Stream" && v != "yes":
			t.Errorf("pdfinfo: %s: %s, want yes", field, v)
		}
	}

	// The PDF's author is the publisher the edition's pages name.
	var ld struct {
		Publisher struct{ Name string } `json:"publisher"`
	}
	if m := jsonLD.FindSubmatch(s[folder+"/index.html"]); m == nil || json.Unmarshal(m[1], &ld) != nil || ld.Publisher.Name == "" {
		t.Errorf("%s/index.html names no publisher in its structured data", folder)
	} else if got := infoField(info, "Author"); got != ld.Publisher.Name {
		t.Errorf("pdfinfo: Author: %q, want the publisher, %q", got, ld.Publisher.Name)
	}

	var q struct {
		Outlines []outline `json:"outlines"`
		QPDF     []json.RawMessage
	}

	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=qpdf", "--json-key=outlines", file)), &q); err != nil || len(q.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var parts []int // the pages each part of the edition begins on
	for _, o := range q.Outlines {
		parts = append(parts, o.Page)
	}
	checkPDFLayout(t, s, folder, file, parts)
	var objects map[string]struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict map[string]any `json:"dict"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(q.QPDF[1], &objects); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	dict := func(key string) map[string]any {
		d, _ := objects[key].Value.(map[string]any)
		return d
	}
	trailer := dict("trailer")
	root := dict("obj:" + fmt.Sprint(trailer["/Root"]))
	if root["/Lang"] != "u:"+lang {
		t.Errorf("the catalog's /Lang is %v, want %s", root["/Lang"], lang)
	}
	if m, _ := root["/MarkInfo"].(map[string]any); m["/Marked"] != true {
		t.Errorf("the catalog's /MarkInfo is %v, want /Marked true", root["/MarkInfo"])
	}
	if v, _ := root["/ViewerPreferences"].(map[string]any); v["/DisplayDocTitle"] != true {
		t.Errorf("a viewer would not show the document's title: /ViewerPreferences %v", root["/ViewerPreferences"])
	}
	if root["/StructTreeRoot"] == nil {
		t.Error("the catalog has no structure tree")
	}
	metadata := run(t, "qpdf", "--show-object="+strings.TrimSuffix(fmt.Sprint(root["/Metadata"]), " 0 R"), "--filtered-stream-data", file)
	if !strings.Contains(metadata, "<dc:title>") || !strings.Contains(metadata, "<dc:language><rdf:Bag><rdf:li>"+lang+"</rdf:li>") {
		t.Errorf("the XMP metadata lacks dc:title or dc:language %s:\n%s", lang, metadata)
	}

	figures, alts := 0, 0
	for key := range objects {
		d := dict(key)
		if d["/S"] == "/Figure" {
			figures++
			if alt, _ := d["/Alt"].(string); len(strings.TrimPrefix(alt, "u:")) > 0 {
				alts++
			}
		}
		if a, _ := d["/A"].(map[string]any); a != nil {
			if uri, _ := a["/URI"].(string); strings.Contains(uri, "127.0.0.1") || strings.Contains(uri, "localhost") {
				t.Errorf("a link leads to the address the PDF was printed from: %s", uri)
			}
		}
	}
	if figures == 0 || alts != figures {
		t.Errorf("%d of %d figures have a text alternative", alts, figures)
	}

	if n := unmarked(t, file); n > 0 {
		t.Errorf("%d text objects or painted paths are neither tagged content nor artifacts", n)
	}

	titles := map[string]bool{}
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			titles[strings.Join(strings.Fields(o.Title), " ")] = true
			walk(o.Kids)
		}
	}
	walk(q.Outlines)
	for _, group := range [][]string{want.chapters, want.sections, want.cases} {
		for _, title := range group {
			if !titles[title] {
				t.Errorf("the outline has no bookmark %q", title)
			}
		}
	}

	body := " " + strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", file, "-")), " ") + " "
	// A case story's title is in the contents too; its quote is its own.
	for _, title := range want.cases {
		if !strings.Contains(body, title) {
			t.Errorf("the text has no case story %q", title)
		}
	}
	for _, quote := range want.quotes {
		if !strings.Contains(body, quote) {
			t.Errorf("the text has no pull quote %q", quote)
		}
	}
	missing := 0
	for _, f := range want.figures {
		if !strings.Contains(body, " "+f+" ") {
			missing++
			if missing <= 10 {
				t.Errorf("the text has no figure %s from the chapters' tables", f)
			}
		}
	}
	t.Logf("%s: %s pages, %d bytes; %d bookmarks; %d chapters, %d sections, %d case stories and %d distinct table figures found; %d figures with text alternatives",
		path.Base(file), infoField(info, "Pages"), len(s[folder+"/"+path.Base(file)]), len(titles), len(want.chapters), len(want.sections), len(want.cases), len(want.figures), figures)
}

type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func infoField(info, field string) string {
	for _, line := range strings.Split(info, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && k == field {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errs.String())
	}
	return out.String()
}

var (
	pageContent   = regexp.MustCompile(`(?s)%% Contents for page \d+\n.*?stream\n(.*?)endstream`)
	contentString = regexp.MustCompile(`\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>`)
	contentToken  = regexp.MustCompile(`<<|>>|/[^\s/\[\]<>()]+|[\[\]]|[^\s\[\]<>()/]+`)
)

// unmarked counts the text objects and painted paths of the PDF's pages
// that are outside any marked content: neither tagged nor artifacts, which
// PDF/UA forbids. qpdf writes the pages' content uncompressed to read.
func unmarked(t *testing.T, file string) int {
	qdf := t.TempDir() + "/qdf.pdf"
	run(t, "qpdf", "--qdf", "--object-streams=disable", file, qdf)
	data, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range pageContent.FindAllSubmatch(data, -1) {
		depth := 0
		for _, tok := range contentToken.FindAll(contentString.ReplaceAll(m[1], []byte("()")), -1) {
			switch string(tok) {
			case "BDC", "BMC":
				depth++
			case "EMC":
				depth--
			case "BT", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh":
				if depth <= 0 {
					n++
				}
			}
		}
	}
	return n
}
