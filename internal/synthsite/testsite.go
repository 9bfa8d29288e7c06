package synthsite

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options shape a synthetic site.
type Options struct {
	Pages    int    // case stories in all
	Editions int    // editions the stories are spread over, from 2016 on
	Clusters int    // clusters the stories name
	Seed     uint64 // seed of the text generator
}

// Defaults returns the options used by the benchmarks for n pages.
func Defaults(n int) Options {
	return Options{Pages: n, Editions: 5, Clusters: 40, Seed: 2016}
}

var words = strings.Fields(`klynge virksomhed viden vækst innovation samarbejde projekt
forskning udvikling netværk marked eksport produkt proces kompetence medarbejder
region kommune universitet partner ansøgning finansiering resultat erfaring værdi
teknologi energi fødevare sundhed byggeri transport design service digital grøn
bæredygtig international lokal national stærk ny nye mange flere bedre større`)

type gen struct{ r *rand.Rand }

func (g gen) word() string { return words[g.r.IntN(len(words))] }

func (g gen) sentence(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.word()
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (g gen) paragraph() string {
	ss := make([]string, 3+g.r.IntN(4))
	for i := range ss {
		ss[i] = g.sentence(6 + g.r.IntN(10))
	}
	return strings.Join(ss, " ")
}

// body is the shared Markdown of a page: 3–6 paragraphs, a quote, a list and
// a table.
func (g gen) body() string {
	var b strings.Builder
	for range 3 + g.r.IntN(4) {
		b.WriteString(g.paragraph() + "\n\n")
	}
	b.WriteString("> " + g.sentence(12) + "\n\n")
	for range 4 {
		b.WriteString("- " + g.sentence(5) + "\n")
	}
	b.WriteString("\n| År | Virksomheder | Projekter |\n|---|---:|---:|\n")
	for y := 2012; y <= 2015; y++ {
		fmt.Fprintf(&b, "| %d | %d | %d |\n", y, g.r.IntN(5000), g.r.IntN(500))
	}
	return b.String()
}

// Bodies returns the Markdown bodies of n synthetic pages, for timing the
// Markdown converter on its own.
func Bodies(n int, seed uint64) []string {
	g := gen{rand.New(rand.NewPCG(seed, uint64(n)))}
	out := make([]string, n)
	for i := range out {
		out[i] = g.body()
	}
	return out
}

var themes = []string{"matchmaking", "samarbejdsprojekter", "kompetenceudvikling", "internationalisering", "fundraising", "formidling"}

// page is one synthetic case story.
type page struct {
	year          int
	slug, title   string
	cluster       int
	theme, body   string
	quote, person string
}

func pages(o Options) []page {
	g := gen{rand.New(rand.NewPCG(o.Seed, uint64(o.Pages)))}
	out := make([]page, o.Pages)
	for i := range out {
		out[i] = page{
			year:    2016 + i%o.Editions,
			slug:    fmt.Sprintf("case-%05d", i),
			title:   strings.TrimSuffix(g.sentence(5), "."),
			cluster: g.r.IntN(o.Clusters),
			theme:   themes[g.r.IntN(len(themes))],
			body:    g.body(),
			quote:   g.sentence(8),
			person:  "Person " + fmt.Sprint(i),
		}
	}
	return out
}

// write creates a file and its folders.
func write(root, rel, text string) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}
