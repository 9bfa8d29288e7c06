package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"report/internal/sitetest"
)

// TestBuildRefusesLinkIntoSources: "report build --out d", where d is a
// link into a source folder, exits with status 2, names the source folder
// and leaves the folder the link leads to as it was, even one that looks
// like a site built before.
func TestBuildRefusesLinkIntoSources(t *testing.T) {
	root := sitetest.Dir(t, nil)
	docs := filepath.Join(root, "static", "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "guide.txt"} {
		if err := os.WriteFile(filepath.Join(docs, name), []byte("the editors' guide"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join("static", "docs"), filepath.Join(root, "d")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "content", "2016"), filepath.Join(root, "x")); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"d", "d/sub", "x/sub"} {
		var stdout, stderr bytes.Buffer
		code := Run(context.Background(), []string{"build", "--root", root, "--out", out}, &stdout, &stderr)
		if code != ExitUsage {
			t.Errorf("--out %s: exit status %d, want %d; stderr: %s", out, code, ExitUsage, stderr.String())
		}
		if want := "will not write the site to " + out + ": it is inside "; !strings.Contains(stderr.String(), want) {
			t.Errorf("--out %s: stderr %q does not say %q", out, stderr.String(), want)
		}
	}
	for _, p := range []string{"static/docs/guide.txt", "static/docs/index.html", "content/2016/_index.md"} {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	for _, p := range []string{"static/docs/sub", "content/2016/sub"} {
		if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(p))); !os.IsNotExist(err) {
			t.Errorf("%s was written: %v", p, err)
		}
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("the refused build left %s in the site", e.Name())
		}
	}
}

// TestHostileOutput builds into an output folder seeded, one at a time,
// with entries a build never makes: links named like a build's leftovers
// (inside the folder and beside it), a link as the lock file, a Git
// repository deep inside, a link inside, and a reader's own file. A build
// refuses the folder whether it would replace it (--fresh) or find the site
// up to date, which would publish what it holds; a leftover's name is
// repaired or refused; and the sources and a file outside the site, which
// the links lead to, are as they were.
func TestHostileOutput(t *testing.T) {
	cases := []struct {
		name, want string
		plant      func(t *testing.T, root, outside string)
		refusal    bool // of the folder, before anything is written (exit status 2)
	}{
		{"leftover link inside", "named like a folder a build leaves, but a symbolic link", func(t *testing.T, root, outside string) {
			link(t, filepath.Join(root, "content"), filepath.Join(root, "public", ".public.new-1"))
		}, false},
		{"old leftover link inside", "named like a folder a build leaves, but a symbolic link", func(t *testing.T, root, outside string) {
			link(t, outside, filepath.Join(root, "public", ".public.old-1"))
		}, false},
		{"leftover link beside", "is named like a folder a build leaves, but it is a symbolic link", func(t *testing.T, root, outside string) {
			link(t, outside, filepath.Join(root, ".public.old-2"))
		}, false},
		{"lock link", "is not a lock file a build made: it is a symbolic link", func(t *testing.T, root, outside string) {
			link(t, filepath.Join(root, "content", "2016", "_index.md"), filepath.Join(root, ".public.lock"))
		}, false},
		{"nested repository", "Git repository (2016/.git)", func(t *testing.T, root, outside string) {
			plantFile(t, filepath.Join(root, "public", "2016", ".git", "HEAD"))
		}, true},
		{"link inside", "symbolic link, 2016/kilder", func(t *testing.T, root, outside string) {
			link(t, outside, filepath.Join(root, "public", "2016", "kilder"))
		}, true},
		{"reader's file", "files the last build did not write (noter.txt)", func(t *testing.T, root, outside string) {
			plantFile(t, filepath.Join(root, "public", "noter.txt"))
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, _ := goodSite(t)
			outside := filepath.Join(t.TempDir(), "elsewhere")
			plantFile(t, filepath.Join(outside, "canary.txt"))
			sources := fingerprint(t, filepath.Join(root, "content"))
			c.plant(t, root, outside)
			for _, args := range [][]string{{"build", "--root", root}, {"build", "--fresh", "--root", root}} {
				var stdout, stderr bytes.Buffer
				code := Run(context.Background(), args, &stdout, &stderr)
				if code == ExitOK && !c.refusal && !slices.Contains(args, "--fresh") {
					sitetest.AssertContains(t, "stdout", stdout.String(), "up to date; nothing written")
					continue
				}
				if code == ExitOK {
					t.Errorf("%v did not refuse; stdout: %s", args, stdout.String())
				} else if c.refusal && code != ExitUsage {
					t.Errorf("%v: the refusal exited %d, want %d", args, code, ExitUsage)
				}
				sitetest.AssertContains(t, "stderr", stderr.String(), c.want)
			}
			if after := fingerprint(t, filepath.Join(root, "content")); len(after) != len(sources) {
				t.Errorf("the sources changed: %d files, were %d", len(after), len(sources))
			} else {
				for p, sum := range sources {
					if after[p] != sum {
						t.Errorf("the source %s changed", p)
					}
				}
			}
			if b, err := os.ReadFile(filepath.Join(outside, "canary.txt")); err != nil || string(b) != "canary" {
				t.Errorf("the file outside the site: %q, %v", b, err)
			}
		})
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatalf("no symbolic links here: %v", err)
	}
}

func plantFile(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("canary"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNewRefusesLinks: new case writes no story through a linked cases/
// folder, and new edition copies no linked chapter into the new edition as
// if it were the site's own; both say which file is a link, and nothing
// outside the site is read or written.
func TestNewRefusesLinks(t *testing.T) {
	root := sitetest.Dir(t, nil)
	outside := filepath.Join(t.TempDir(), "elsewhere")
	plantFile(t, filepath.Join(outside, "canary.txt"))
	cases := filepath.Join(root, "content", "2016", "cases")
	if err := os.RemoveAll(cases); err != nil {
		t.Fatal(err)
	}
	link(t, outside, cases)
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"new", "case", "--root", root, "--edition", "2016", "--cluster", "vindkraft", "Ny historie"}, &stdout, &stderr)
	if code == ExitOK {
		t.Errorf("new case wrote through a link: %s", stdout.String())
	}
	sitetest.AssertContains(t, "stderr", stderr.String(), "content/2016/cases/ is a symbolic link")
	if entries, _ := os.ReadDir(outside); len(entries) != 1 {
		t.Errorf("new case wrote outside the site: %v", entries)
	}

	if err := os.Remove(cases); err != nil {
		t.Fatal(err)
	}
	link(t, filepath.Join(outside, "canary.txt"), filepath.Join(root, "content", "2016", "fremmed.md"))
	stdout.Reset()
	stderr.Reset()
	code = Run(context.Background(), []string{"new", "edition", "--root", root, "2017"}, &stdout, &stderr)
	if code == ExitOK {
		t.Errorf("new edition copied a link: %s", stdout.String())
	}
	sitetest.AssertContains(t, "stderr", stderr.String(), "content/2016/fremmed.md", "is a symbolic link")
	if _, err := os.Lstat(filepath.Join(root, "content", "2017")); err == nil {
		t.Error("new edition wrote some of the edition before it refused")
	}
}

// TestNewEditionReadsAsTheBuild: a chapter saved with a byte-order mark
// and Windows line ends is copied as the build reads it, so it gets its
// copied_from and stays a draft until confirmed.
func TestNewEditionReadsAsTheBuild(t *testing.T) {
	root := sitetest.Dir(t, nil)
	chapter := filepath.Join(root, "content", "2016", "tal.md")
	src, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	bom := append([]byte("\uFEFF"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
	if err := os.WriteFile(chapter, bom, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"new", "edition", "--root", root, "2017"}, &stdout, &stderr); code != ExitOK {
		t.Fatalf("new edition: %s", stderr.String())
	}
	copied, err := os.ReadFile(filepath.Join(root, "content", "2017", "tal.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(copied, []byte("+++\n")) || !bytes.Contains(copied, []byte("\ncopied_from = 2016\n")) {
		t.Errorf("the copy is not marked as one:\n%.300s", copied)
	}
}
