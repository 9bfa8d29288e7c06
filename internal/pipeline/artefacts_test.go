package pipeline

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var (
	tag    = regexp.MustCompile(`(?s)<[^>]*>`)
	spaces = regexp.MustCompile(`\s+`)
)

// pageText is what a reader sees of a page: its text without markup.
func pageText(b []byte) string {
	return spaces.ReplaceAllString(html.UnescapeString(tag.ReplaceAllString(string(b), " ")), " ")
}

// TestNoPDFArtefacts fails when damage from the PDF extraction reaches the
// site: a word split across two lines of the extraction ("klyn" / "ger"), or
// one of the glued compounds and stray letters listed in
// testdata/source/pdf-artefacts.txt.
func TestNoPDFArtefacts(t *testing.T) {
	artefacts := append(splitWords(t), listedArtefacts(t)...)
	if len(artefacts) < 150 {
		t.Fatalf("only %d artefacts to look for; the extraction was not read", len(artefacts))
	}
	var text strings.Builder
	for _, f := range buildRealSite(t, Options{}) {
		// The damage is the Danish extraction's; the English pages are
		// translations of the site, written anew.
		if strings.HasSuffix(f.Path, ".html") && !strings.HasPrefix(f.Path, "en/") {
			text.WriteString(pageText(f.Data))
			text.WriteString("\n")
		}
	}
	site := text.String()
	for _, a := range artefacts {
		if strings.Contains(site, a) {
			t.Errorf("the site contains the PDF artefact %q", a)
		}
	}
}

// splitWords finds the words the extraction split over two lines: a line
// that ends in the middle of a word (no space, no punctuation) followed by
// one that goes on in lower case. "klyn" + "ger" gives the artefact "klyn ger".
func splitWords(t *testing.T) []string {
	b, err := os.ReadFile("../../testdata/source/performanceregnskab-2016.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	var out []string
	for i := 0; i+1 < len(lines); i++ {
		head, tail := lastWord(lines[i]), firstWord(lines[i+1])
		if head == "" || tail == "" || wholeWords[head+" "+tail] {
			continue
		}
		out = append(out, head+" "+tail)
	}
	return out
}

// wholeWords are line breaks in headings and table labels between two whole
// words, which the extraction wrote without the usual trailing space.
var wholeWords = map[string]bool{"det danske": true, "udviklingen fra": true, "i klyngerne": true}

func lastWord(line string) string {
	r, _ := utf8.DecodeLastRuneInString(line)
	if !unicode.IsLetter(r) {
		return "" // the line ends in a space or punctuation: no split
	}
	fields := strings.Fields(line)
	return fields[len(fields)-1]
}

func firstWord(line string) string {
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsLower(r) {
		return ""
	}
	word := strings.Fields(line)[0]
	return strings.TrimRight(word, ".,:;!?)”")
}

func listedArtefacts(t *testing.T) []string {
	b, err := os.ReadFile("../../testdata/source/pdf-artefacts.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}
