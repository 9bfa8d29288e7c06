package pdfobj

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// testdata/chromium.pdf is a two-page page printed by Chromium 156 with a
// tagged PDF and an outline: a first heading (#a) that wraps over several
// lines, and a second (#b) on page 2, both linked from the top.
func readChromium(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDestinations(t *testing.T) {
	f, err := Parse(readChromium(t))
	if err != nil {
		t.Fatal(err)
	}
	dests, err := f.Destinations()
	if err != nil {
		t.Fatal(err)
	}
	if dests["a"] != 1 || dests["b"] != 2 || len(dests) != 2 {
		t.Errorf("destinations: %v, want a on page 1 and b on page 2", dests)
	}
	if n, err := f.PageCount(); n != 2 || err != nil {
		t.Errorf("PageCount: %d, %v, want 2", n, err)
	}
}

var testMeta = Meta{Title: "Prøve – Performanceregnskab", Author: "Klyngerne (A/S)", Subject: "Om <klynger> & tal",
	Lang: "da", PDFDate: "D:20160601", XMPDate: "2016-06-01"}

func TestFinish(t *testing.T) {
	raw := readChromium(t)
	heading := "En overskrift der ombrydes over flere linjer"
	out, err := Finish(raw, testMeta, []string{heading, "Anden del"})
	if err != nil {
		t.Fatal(err)
	}
	again, err := Finish(raw, testMeta, []string{heading, "Anden del"})
	if err != nil || !bytes.Equal(out, again) {
		t.Error("finishing the same PDF twice gives different bytes")
	}
	f, err := Parse(out)
	if err != nil {
		t.Fatalf("the finished PDF does not parse: %v", err)
	}
	info, err := f.dict(f.trailer["Info"])
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"Title": testMeta.Title, "Author": testMeta.Author, "Subject": testMeta.Subject} {
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
	s := string(out)
	for _, want := range []string{"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Prøve – Performanceregnskab</rdf:li>",
		"<dc:creator><rdf:Seq><rdf:li>Klyngerne (A/S)</rdf:li>", "Om &lt;klynger&gt; &amp; tal", "<rdf:li>da</rdf:li>",
		"<xmp:CreateDate>2016-06-01</xmp:CreateDate>", textString(heading)} {
		if !strings.Contains(s, want) {
			t.Errorf("the finished PDF lacks %s", want)
		}
	}
	if dests, err := f.Destinations(); err != nil || dests["b"] != 2 {
		t.Errorf("the finished PDF's destinations: %v, %v", dests, err)
	}
}

// TestFinishDates: a document with a year alone says the year; one with no
// date says none.
func TestFinishDates(t *testing.T) {
	raw := readChromium(t)
	meta := testMeta
	meta.PDFDate, meta.XMPDate = "D:2016", "2016"
	yearOnly, err := Finish(raw, meta, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/CreationDate (D:2016)", "<xmp:CreateDate>2016</xmp:CreateDate>"} {
		if !strings.Contains(string(yearOnly), want) {
			t.Errorf("a year's PDF lacks %s", want)
		}
	}
	meta.PDFDate, meta.XMPDate = "", ""
	undated, err := Finish(raw, meta, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, absent := range []string{"/CreationDate", "/ModDate", "<xmp:CreateDate>"} {
		if strings.Contains(string(undated), absent) {
			t.Errorf("an undated PDF has %s", absent)
		}
	}
}

// TestFinishTwice: a finished PDF is of the shape this package reads, but
// its catalog has the metadata already, which finish refuses to add twice.
func TestFinishTwice(t *testing.T) {
	out, err := Finish(readChromium(t), testMeta, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Finish(out, testMeta, nil); err == nil || !strings.Contains(err.Error(), "/Metadata already") {
		t.Errorf("finishing a finished PDF: %v, want the catalog's /Metadata refused", err)
	}
}
