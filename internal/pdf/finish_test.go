package pdf

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"report/internal/data"
	"report/internal/printpage"
	"report/internal/render"
)

// TestFinishMeta: the edition's date reaches the PDF with no more than the
// edition knows, a day or a year alone, and the print page's headings give
// the outline its spaces back.
func TestFinishMeta(t *testing.T) {
	raw, err := os.ReadFile("../pdfobj/testdata/chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	page := []render.File{{Path: "2016/rapport/index.html", Data: []byte(
		`<h1 id="a" class="x">En overskrift <em>der</em>  ombrydes over flere linjer</h1><p>…</p><h2>Anden &amp; del</h2>`)}}
	if got, want := headings(page), []string{"En overskrift der ombrydes over flere linjer", "Anden & del"}; !slices.Equal(got, want) {
		t.Errorf("headings: %q, want %q", got, want)
	}
	for _, c := range []struct {
		date data.PubDate
		want []string
	}{
		{data.PubDate{Year: 2016, Month: time.June, Day: 1}, []string{"/CreationDate (D:20160601)", "<xmp:CreateDate>2016-06-01</xmp:CreateDate>"}},
		{data.PubDate{Year: 2016}, []string{"/CreationDate (D:2016)", "<xmp:CreateDate>2016</xmp:CreateDate>"}},
	} {
		out, err := finish(raw, printpage.Meta{Title: "Prøve", Date: c.date}, "da", page)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range append(c.want, "<rdf:li>da</rdf:li>", "<feff0045006e0020006f007600650072") {
			if !strings.Contains(string(out), want) {
				t.Errorf("%v: the finished PDF lacks %s", c.date, want)
			}
		}
	}
	out, err := finish(raw, printpage.Meta{Title: "Prøve"}, "da", nil)
	if err != nil || strings.Contains(string(out), "/CreationDate") {
		t.Errorf("an edition with no date: %v, or the PDF has a date", err)
	}
}
