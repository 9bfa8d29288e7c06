//go:build sitecheck

package sitecheck

import (
	"bufio"
	"html"
	"maps"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	// danishText is what an English page marks as Danish: kept names of
	// institutions and publications, and the switch to the Danish page.
	danishText = regexp.MustCompile(`(?s)<([a-z]+)[^>]* lang="da"[^>]*>.*?</([a-z]+)>`)
	notText    = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<head>.*?</head>|<code>.*?</code>`)
	tag        = regexp.MustCompile(`<[^>]+>`)
)

// wordList holds the names an English page may use that the British
// dictionary does not know: clusters, companies, people and places.
const wordList = "../../tools/site-check/en-words.txt"

// TestEnglishSpelling runs hunspell with its British English dictionary
// over the text of every English page, less what the page marks as Danish,
// and fails on each word neither it nor the word list knows, naming the
// pages it is on.
func TestEnglishSpelling(t *testing.T) {
	if *siteDir == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	if _, err := exec.LookPath("hunspell"); err != nil {
		t.Fatal("hunspell is not installed (Debian: apt-get install hunspell hunspell-en-gb; .ci/run installs it)")
	}
	s, err := Read(os.DirFS(*siteDir))
	if err != nil {
		t.Fatal(err)
	}
	names := clusterNames(t)
	unknown := map[string][]string{}
	pages := 0
	for _, p := range s.Pages() {
		if !strings.HasPrefix(p, "en/") {
			continue
		}
		pages++
		for _, w := range misspelled(t, names.Replace(pageText(s[p]))) {
			if !slices.Contains(unknown[w], p) {
				unknown[w] = append(unknown[w], p)
			}
		}
	}
	if pages < 100 {
		t.Errorf("only %d English pages found", pages)
	}
	for _, w := range slices.Sorted(maps.Keys(unknown)) {
		t.Errorf("%q is not British English nor in %s (on %d pages, e.g. %s)", w, wordList, len(unknown[w]), unknown[w][0])
	}
	t.Logf("%d English pages spelt with hunspell's en_GB and %s", pages, wordList)
}

// clusterNames replaces the clusters' names with nothing: they are kept
// as they are in English ("Innovationsnetværket Dansk Lyd"), as names.
func clusterNames(t *testing.T) *strings.Replacer {
	t.Helper()
	src, err := os.ReadFile("../../data/clusters.toml")
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, m := range regexp.MustCompile(`(?m)^(?:name|short) = "(.*)"$`).FindAllStringSubmatch(string(src), -1) {
		pairs = append(pairs, m[1], " ")
	}
	return strings.NewReplacer(pairs...)
}

// pageText is what a reader of the page reads in English.
func pageText(page []byte) string {
	s := notText.ReplaceAllString(string(page), " ")
	for danishText.MatchString(s) {
		s = danishText.ReplaceAllString(s, " ")
	}
	s = html.UnescapeString(tag.ReplaceAllString(s, " "))
	// The dictionary spells "clusters'" with the typewriter's apostrophe;
	// U+FE0E only asks for a symbol to be drawn as text.
	return strings.NewReplacer("’", "'", "\ufe0e", "").Replace(s)
}

// misspelled lists the words of text hunspell does not know.
func misspelled(t *testing.T, text string) []string {
	t.Helper()
	cmd := exec.Command("hunspell", "-d", "en_GB", "-p", wordList, "-l")
	cmd.Stdin = strings.NewReader(text)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hunspell: %v", err)
	}
	var words []string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}
