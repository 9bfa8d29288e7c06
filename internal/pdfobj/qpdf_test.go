//go:build sitecheck

package pdfobj

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFinishedByQpdf holds what Finish writes to qpdf, a reader that shares
// no code with this one: every Chromium print in testdata, finished, has
// no syntax or stream error qpdf finds, and qpdf reads the document
// information and the metadata stream Finish wrote.
func TestFinishedByQpdf(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Fatal("this test needs qpdf: apt-get install qpdf")
	}
	prints, err := filepath.Glob("testdata/*.pdf")
	if err != nil || len(prints) == 0 {
		t.Fatalf("no PDF in testdata: %v", err)
	}
	for _, p := range prints {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Finish(raw, testMeta, []string{"En overskrift der ombrydes over flere linjer"})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		file := filepath.Join(t.TempDir(), filepath.Base(p))
		if err := os.WriteFile(file, out, 0o644); err != nil {
			t.Fatal(err)
		}
		check, err := exec.Command("qpdf", "--check", file).CombinedOutput()
		if err != nil || !strings.Contains(string(check), "No syntax or stream encoding errors found") {
			t.Errorf("%s: qpdf --check: %v\n%s", p, err, check)
		}
		js, err := exec.Command("qpdf", "--json", "--json-key=qpdf", file).Output()
		if err != nil {
			t.Fatalf("%s: qpdf --json: %v", p, err)
		}
		var q struct{ QPDF []json.RawMessage }
		var objects map[string]struct {
			Value any `json:"value"`
		}
		if err := json.Unmarshal(js, &q); err != nil || len(q.QPDF) < 2 || json.Unmarshal(q.QPDF[1], &objects) != nil {
			t.Fatalf("%s: qpdf --json: %v", p, err)
		}
		dict := func(key any) map[string]any {
			d, _ := objects[fmt.Sprint(key)].Value.(map[string]any)
			return d
		}
		trailer := dict("trailer")
		info, root := dict("obj:"+fmt.Sprint(trailer["/Info"])), dict("obj:"+fmt.Sprint(trailer["/Root"]))
		if info["/Title"] != "u:"+testMeta.Title || info["/CreationDate"] != "u:"+testMeta.PDFDate {
			t.Errorf("%s: qpdf reads the document information as %v", p, info)
		}
		if metadata, _ := root["/Metadata"].(string); metadata == "" {
			t.Errorf("%s: qpdf finds no /Metadata in the catalog %v", p, root)
		} else if xmp, err := exec.Command("qpdf", "--show-object="+strings.TrimSuffix(metadata, " 0 R"), "--filtered-stream-data", file).Output(); err != nil ||
			!strings.Contains(string(xmp), "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"+testMeta.Title+"</rdf:li>") {
			t.Errorf("%s: qpdf reads the XMP metadata as %v\n%s", p, err, xmp)
		}
	}
}
