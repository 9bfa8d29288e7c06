package figures_test

import (
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/markdown"
)

func TestRender(t *testing.T) {
	c := converter(t, "/rapport/")
	tests := []struct{ name, src, want string }{
		{"danish heading ids", "## Økonomi og støtte\n## Økonomi og støtte", `<h2 id="oekonomi-og-stoette">Økonomi og støtte</h2>` + "\n" + `<h2 id="oekonomi-og-stoette-2">`},
		{"figure from the data", "Omsætning {{omsaetning 2015}} mio. kr.", `Omsætning <span class="figure">15,6</span> mio. kr.`},
		{"rounded figure", "{{virksomheder 2014 round=1000}}", `<span class="figure">12.000</span>`},
		{"ratio", "{{succesrate 2015}}", "33\u00a0%"},
		{"braces that are not a reference", "a { b } {c}", "<p>a { b } {c}</p>"},
		{"raw html block is shown as text", "<div onclick=\"x()\">hej</div>", `<pre class="raw-html"><code>&lt;div onclick=&#34;x()&#34;&gt;hej&lt;/div&gt;`},
		{"inline raw html is shown as text", "a <b>fed</b> c", "a &lt;b&gt;fed&lt;/b&gt; c"},
		{"root-relative links get the base path", "[a](/2016/)", `<a href="/rapport/2016/">a</a>`},
		{"external links are left alone", "[a](https://example.org/x)", `<a href="https://example.org/x">a</a>`},
		{"gfm table", "| a | b |\n|---|---|\n| 1 | 2 |", "<table>"},
		// A style attribute would be blocked by the pages' CSP.
		{"aligned columns get classes", "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |", `<td class="align-left">1</td>` + "\n" + `<td class="align-center">2</td>` + "\n" + `<td class="align-right">3</td>`},
		{"footnote", "x[^1]\n\n[^1]: Kilde.", `class="footnotes"`},
		{"definition list", "MADE\n: produktion", "<dl>"},
		{"key figure", "```keyfigure\nfigure = \"4 ×\"\ntext = \"så høj sandsynlighed\"\n```", `<strong class="key-figure__number">4 ×</strong> <span class="key-figure__text">så høj sandsynlighed</span>`},
		{"code block stays code", "```go\nx := 1\n```", `<pre><code class="language-go">x := 1`},
		// WCAG 3.1.2: a screen reader says a kept Danish name in Danish.
		{"phrase in another language", "by {{da: Styrelsen for Forskning & Innovation}} (the agency)", `by <span lang="da">Styrelsen for Forskning &amp; Innovation</span> (the agency)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html, msgs := convert(t, c, tt.src)
			if len(msgs) > 0 {
				t.Fatalf("problems: %v", msgs)
			}
			if !strings.Contains(html, tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", html, tt.want)
			}
		})
	}
}

func TestTable(t *testing.T) {
	c := converter(t, "/")
	src := "```table\ncaption = \"Tal & fakta\"\nyears = [2014, 2015]\nchange = [2014, 2015]\nrows = [\"omsaetning\", \"omsaetning-staten\", \"ansoegninger\"]\n```"
	html, msgs := convert(t, c, src)
	if len(msgs) > 0 {
		t.Fatal(msgs)
	}
	for _, want := range []string{
		`<figure class="data-table" id="tabel-tal-fakta">`,
		`role="region" tabindex="0" aria-labelledby="tabel-tal-fakta-titel"`,
		`<caption id="tabel-tal-fakta-titel">Tal &amp; fakta</caption>`,
		`<th scope="col" class="num">2014</th>`,
		`<th scope="row">Samlet omsætning <span class="unit">(mio. kr.)</span></th><td class="num">20,0</td><td class="num">15,6</td><td class="num">−22</td>`,
		`<th scope="row" class="depth-1"><span class="visually-hidden">heraf </span>Staten</th><td class="num">15,0</td><td class="num">10,5</td><td class="num">−30</td>`,
		`<th scope="row">Ansøgninger</th><td class="num empty"><span class="visually-hidden">ikke opgjort</span></td><td class="num">109</td><td class="num empty"><span class="visually-hidden">kan ikke beregnes</span></td>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("table lacks\n%s\nin\n%s", want, html)
		}
	}
}

func TestProblemsHavePositions(t *testing.T) {
	c := converter(t, "/")
	_, msgs := convert(t, c, "Linje\n\nTal: {{ukendt 2015}}\n\n[x](javascript:alert(1))\n\n![](/a.png)\n")
	want := []string{
		`x.md:7:6: error: {{ukendt 2015}}: unknown metric "ukendt"; metrics are defined in data/metrics.toml`,
		`x.md:9:1: error: link to "javascript:alert(1)": only http, https and mailto links are allowed`,
		`x.md:11:1: error: image "/a.png" has no alt text; describe it: ![what it shows](/a.png)`,
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzConvert feeds arbitrary Markdown, including the report's own blocks,
// through parsing and rendering: nothing may panic, and no raw <script> may
// come out.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"```table\ncaption = \"x\"\nyears = [2015]\nrows = [\"klynger\"]\n```",
		"```keyfigure\nmetric = \"klynger\"\nyear = 2015\ntext = \"x\"\n```",
		"{{klynger 2015}} {{klynger}} {{ {{",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1)) ![](/a.png)",
		"```table\nyears = [1.0, 2,0]\n```",
		strings.Repeat(">", 20000),           // nesting in one line, once quadratic
		strings.Repeat("> ", 40) + "x\n",     // nesting across a line
		strings.Repeat("[a](", 5000),         // unclosed links, quadratic in a line
		strings.Repeat("{{", 20000),          // unclosed references, once 830 MB
		strings.Repeat("{{x}} ", 2000),       // a problem per reference
		strings.Repeat("[[[[[[[[[[\n", 2000), // brackets across a paragraph
	} {
		f.Add(s)
	}
	c := converter(f, "/")
	f.Fuzz(func(t *testing.T, src string) {
		var html string
		convertBudget.Check(t, len(src), func() { html, _ = convert(t, c, src) })
		if strings.Contains(strings.ToLower(html), "<script") {
			t.Fatalf("raw script in output: %s", html)
		}
	})
}

// TestTypedFigures warns where prose types a figure the data holds, as
// printed, unformatted, or as a count before a word of the metric's name,
// and leaves years, small numbers on their own, code and bound figures
// alone.
func TestTypedFigures(t *testing.T) {
	c := converter(t, "/")
	var problems diag.List
	c.Convert(markdown.Page{Path: "x.md", Edition: 2016, FirstLine: 1}, []byte("I 2015 deltog 1.794 virksomheder, og omsætningen var 15,6 mio. kr.\n\n"+
		"Tre klynger, {{virksomheder 2015}} bundet, `1.794` i kode og 2.500 andre.\n\n"+
		"Uformateret: 1794 deltog. De 3 klynger i alt, 3 gange og 109 ansøgninger.\n"), &problems)
	var got []string
	for _, p := range problems.Problems() {
		got = append(got, p.Error())
	}
	want := []string{
		"x.md:1:15: warning: 1.794 is typed, but the data has it as virksomheder 2015; write it as {{virksomheder 2015}} so text and tables cannot drift apart",
		"x.md:1:54: warning: 15,6 is typed, but the data has it as omsaetning 2015; write it as {{omsaetning 2015}} so text and tables cannot drift apart",
		"x.md:5:14: warning: 1794 is typed, but the data has it as virksomheder 2015; write it as {{virksomheder 2015}} so text and tables cannot drift apart",
		"x.md:5:30: warning: 3 is typed, but the data has it as klynger 2014 and klynger 2015; write it as {{klynger 2015}} so text and tables cannot drift apart",
		"x.md:5:58: warning: 109 is typed, but the data has it as ansoegninger 2015; write it as {{ansoegninger 2015}} so text and tables cannot drift apart",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestHeadingsAvoidLayoutIDs gives a heading named like a part of the
// layout an id of its own.
func TestHeadingsAvoidLayoutIDs(t *testing.T) {
	html, _ := convert(t, converter(t, "/"), "## Indhold\n\n## Forord\n\n## Nøgletal\n\n[til indholdet](#indhold)\n")
	for _, want := range []string{`<h2 id="indhold-2">Indhold</h2>`, `<h2 id="forord-2">Forord</h2>`, `<h2 id="noegletal-2">Nøgletal</h2>`} {
		if !strings.Contains(html, want) {
			t.Errorf("got %s, want %s", html, want)
		}
	}
}
