package pdf

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"report/internal/data"
	"report/internal/printpage"
)

// testdata/chromium.pdf is a two-page page printed by Chromium 156 with a
// tagged PDF and an outline: a first heading (#a) that wraps over several
// lines, and a second (#b) on page 2, both linked from the top.
func TestDestinations(t *testing.T) {
	data, err := os.ReadFile("testdata/chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := parse(data)
	if err != nil {
		t.Fatal(err)
	}
	dests, err := f.destinations()
	if err != nil {
		t.Fatal(err)
	}
	if dests["a"] != 1 || dests["b"] != 2 || len(dests) != 2 {
		t.Errorf("destinations: %v, want a on page 1 and b on page 2", dests)
	}
}

func TestFinish(t *testing.T) {
	raw, err := os.ReadFile("testdata/chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	meta := printpage.Meta{Title: "Prøve – Performanceregnskab", Author: "Klyngerne (A/S)", Subject: "Om <klynger> & tal",
		Date: data.PubDate{Year: 2016, Month: time.June, Day: 1}}
	heading := "En overskrift der ombrydes over flere linjer"
	out, err := finish(raw, meta, "da", []string{heading, "Anden del"})
	if err != nil {
		t.Fatal(err)
	}
	again, err := finish(raw, meta, "da", []string{heading, "Anden del"})
	if err != nil || !bytes.Equal(out, again) {
		t.Error("finishing the same PDF twice gives different bytes")
	}
	f, err := parse(out)
	if err != nil {
		t.Fatalf("the finished PDF does not parse: %v", err)
	}
	info, err := f.dict(f.trailer["Info"])
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"Title": meta.Title, "Author": meta.Author, "Subject": meta.Subject} {
		if got := utf16Text(info[key].(string)); got != want {
			t.Errorf("/%s = %q, want %q", key, got, want)
		}
	}
	if info["CreationDate"] != "D:20160601" || info["ModDate"] != info["CreationDate"] {
		t.Errorf("dates: %v, %v", info["CreationDate"], info["ModDate"])
	}
	root, err := f.dict(f.trailer["Root"])
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := root["Metadata"].(ref); !ok || root["Lang"] != "da" {
		t.Errorf("catalog: %v", root)
	}
	// A year the source gives alone is all the PDF says, not January 1st.
	meta.Date = data.PubDate{Year: 2016}
	yearOnly, err := finish(raw, meta, "da", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/CreationDate (D:2016)", "<xmp:CreateDate>2016</xmp:CreateDate>"} {
		if !strings.Contains(string(yearOnly), want) {
			t.Errorf("a year's PDF lacks %s", want)
		}
	}
	s := string(out)
	for _, want := range []string{"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Prøve – Performanceregnskab</rdf:li>",
		"<dc:creator><rdf:Seq><rdf:li>Klyngerne (A/S)</rdf:li>", "Om &lt;klynger&gt; &amp; tal", "<rdf:li>da</rdf:li>",
		"<xmp:CreateDate>2016-06-01</xmp:CreateDate>", textString(heading)} {
		if !strings.Contains(s, want) {
			t.Errorf("the finished PDF lacks %s", want)
		}
	}
	if dests, err := f.destinations(); err != nil || dests["b"] != 2 {
		t.Errorf("the finished PDF's destinations: %v, %v", dests, err)
	}
}

func TestNotAChromiumPDF(t *testing.T) {
	for _, data := range []string{"", "%PDF-1.7\nno table\n", "%PDF-1.5\nstartxref\n9\n%%EOF\n"} {
		if _, err := finish([]byte(data), printpage.Meta{}, "da", nil); err == nil {
			t.Errorf("%q: no error", data)
		}
	}
}

func TestArtifacts(t *testing.T) {
	in := "q 1 0 0 1 0 0 cm BT /F1 9 Tf (Side 1 af 2) Tj ET Q\n" +
		"/P <</MCID 0>> BDC BT /F1 12 Tf <0041> Tj ET 0 0 m 10 0 l S EMC\n" +
		"0 0 10 10 re W* n 0 0 5 5 re f /Im1 Do"
	want := "q 1 0 0 1 0 0 cm\n/Artifact BMC BT /F1 9 Tf (Side 1 af 2) Tj ET\nEMC Q\n" +
		"/P <</MCID 0>> BDC BT /F1 12 Tf <0041> Tj ET 0 0 m 10 0 l S EMC\n" +
		"0 0 10 10 re W* n\n/Artifact BMC 0 0 5 5 re f\nEMC\n/Artifact BMC /Im1 Do\nEMC"
	out, n, ok := artifacts([]byte(in))
	if !ok || n != 3 || string(out) != want {
		t.Errorf("artifacts: %d, %v\n%s\nwant\n%s", n, ok, out, want)
	}
	for _, bad := range []string{"EMC BT ET", "/P BMC BT ET", "BI /W 1 ID x EI", "BT (unclosed Tj ET"} {
		if out, _, ok := artifacts([]byte(bad)); ok || string(out) != bad {
			t.Errorf("%q: changed or accepted", bad)
		}
	}
}
