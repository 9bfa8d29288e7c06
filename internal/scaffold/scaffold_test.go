package scaffold_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/diskfs"
	"report/internal/frontmatter"
	"report/internal/scaffold"
	"report/internal/sitetest"
	"report/internal/tomlfile"
)

// TestNewCaseQuotesTheTitle: a title with quotes, a backslash and Danish
// letters is written as TOML 1.0 reads it back; one with a control
// character, which check would refuse, is refused before any file is
// written.
func TestNewCaseQuotesTheTitle(t *testing.T) {
	root := sitetest.Dir(t, nil)
	if _, err := scaffold.NewCase(root, 2016, "vindkraft", "Et møde\x7f"); err == nil || !strings.Contains(err.Error(), "control character (U+007F)") {
		t.Errorf("a title with a control character: %v", err)
	}
	title := "Et \"godt\" møde på C:\\sti"
	p, err := scaffold.NewCase(root, 2016, "vindkraft", title)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, p))
	if err != nil {
		t.Fatal(err)
	}
	// \x is TOML 1.1's escape, which TOML 1.0 readers (the CMS's among
	// them) refuse; BurntSushi/toml reads it.
	if strings.Contains(strings.ReplaceAll(string(src), `\\`, ""), `\x`) {
		t.Errorf("the case story's front matter has a \\x escape:\n%s", src)
	}
	parts, err := frontmatter.Split(src)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Title string `toml:"title"`
	}
	var problems diag.List
	if _, ok := tomlfile.Decode(p, parts.MatterLine, parts.Matter, &m, &problems); !ok || m.Title != title {
		t.Errorf("the title reads back as %q (%v), want %q", m.Title, problems.Problems(), title)
	}
}

// TestNewEditionThroughALink: the new edition's folder is a link to a
// folder outside the site. Nothing is written, there or anywhere in the
// site, and the error says so.
func TestNewEditionThroughALink(t *testing.T) {
	root, outside := sitetest.Dir(t, nil), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, "content", "2017")); err != nil {
		t.Fatal(err)
	}
	_, err := scaffold.NewEdition(root, 2017)
	if !errors.Is(err, diskfs.ErrNotOwn) || !strings.Contains(err.Error(), "content/2017/ is a symbolic link") || !strings.HasSuffix(err.Error(), "; nothing was written") {
		t.Fatalf("NewEdition = %v; want ErrNotOwn naming content/2017/, and that nothing was written", err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) > 0 {
		t.Errorf("NewEdition wrote %s through the link", entries[0].Name())
	}
	if _, err := os.Stat(filepath.Join(root, "data", "editions", "2017.toml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("NewEdition wrote data/editions/2017.toml: %v", err)
	}
}
