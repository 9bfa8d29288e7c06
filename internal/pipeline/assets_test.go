package pipeline

import (
	"testing"

	"report/internal/sitetest"
)

// TestAssetsBesideMarkdown publishes the kinds of file content/ may hold
// beside the Markdown, as they are, and passes by the backups and hidden
// files editors' tools leave there.
func TestAssetsBesideMarkdown(t *testing.T) {
	out := files(mustRun(t, sitetest.FS(t, sitetest.Parse(`
-- content/2016/figur.png --
PNG
-- content/2016/bilag-2016.pdf --
%PDF-1.4
-- content/2016/cases/foto.jpg --
JPG
-- content/2016/data/tal-2015.csv --
aar;tal
-- content/2016/regneark.xlsx --
PK
-- content/2016/tal.md~ --
+++
title = "Editorens sikkerhedskopi"
+++
-- content/2016/#tal.md# --
autosave
-- content/2016/.DS_Store --
x
`))))
	for path, want := range map[string]string{
		"2016/figur.png":         "PNG\n",
		"2016/bilag-2016.pdf":    "%PDF-1.4\n",
		"2016/cases/foto.jpg":    "JPG\n",
		"2016/data/tal-2015.csv": "aar;tal\n",
		"2016/regneark.xlsx":     "PK\n",
	} {
		if got, ok := out[path]; !ok || got != want {
			t.Errorf("%s: %q, published %v; want %q", path, got, ok, want)
		}
	}
	for _, path := range []string{"2016/tal.md~", "2016/#tal.md#", "2016/.DS_Store"} {
		if _, ok := out[path]; ok {
			t.Errorf("%s was published", path)
		}
	}
}
