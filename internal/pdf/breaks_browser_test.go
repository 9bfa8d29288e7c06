//go:build sitecheck

package pdf

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"report/internal/pdfobj"
)

// plantedFile is where TestBreaksPlanted keeps its print: with the reader's
// tests, which read it without a browser (pdfobj.TestBreaks).
const plantedFile = "../pdfobj/testdata/planted.pdf"

var updatePlanted = flag.Bool("update-planted", false, "write "+plantedFile+" anew from this Chromium's print")

// plantedPage has the two bad breaks print.css forbids, planted: a heading
// left at the foot of page 1 (a block that cannot break follows it), and a
// table row too tall for what is left of page 2, allowed to break.
var plantedPage = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Plantede sideskift</title><style>
@page { size: A4; margin: 20mm; }
body { margin: 0; font: 12pt/1.4 sans-serif; }
h2 { margin: 0; break-after: auto; }
.filler { height: 235mm; }
.block { height: 60mm; break-inside: avoid; border: 1px solid; }
table { border-collapse: collapse; break-before: page; }
td, th { border: 1px solid; padding: 2mm; }
tr { break-inside: auto; }
</style></head><body>
<div class="filler"><p>Fyld til sidens fod.</p></div>
<h2>En overskrift alene</h2>
<div class="block"><p>En blok, der ikke kan deles.</p></div>
<table><thead><tr><th scope="col">År</th><th scope="col">Tal</th></tr></thead><tbody>
<tr><th scope="row">2014</th><td>` + strings.Repeat("<p>En høj celle, linje for linje.</p>", 20) + `</td></tr>
<tr><th scope="row">2015</th><td>` + strings.Repeat("<p>Endnu en høj celle, som ikke kan stå på siden.</p>", 20) + `</td></tr>
</tbody></table>
</body></html>`

// TestBreaksPlanted prints plantedPage with the Chromium report-pdf uses,
// tagged as report-pdf prints, and holds pdfobj.Breaks to finding both
// planted breaks, wherever this Chromium puts them; plantedFile keeps a
// print for the tests without a browser.
func TestBreaksPlanted(t *testing.T) {
	chromium, err := FindBrowser("")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(plantedPage))
	}))
	defer srv.Close()
	tab, stop, err := startBrowser(context.Background(), chromium)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	raw, err := printToPDF(tab, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	checkPlanted(t, raw)
	if *updatePlanted {
		if err := os.WriteFile(plantedFile, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkPlanted holds pdfobj.Breaks to finding the breaks planted in a
// print of plantedPage.
func checkPlanted(t *testing.T, raw []byte) {
	t.Helper()
	got, err := pdfobj.Breaks(raw)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range got {
		all = append(all, p.String())
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{"page 1: a heading is the last thing on the page; what follows it begins on page 2", "a table row runs over onto page"} {
		if !strings.Contains(joined, want) {
			t.Errorf("Breaks missed %q; found:\n%s", want, joined)
		}
	}
}
