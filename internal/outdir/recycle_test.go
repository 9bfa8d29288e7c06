package outdir

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// recycleBuild replaces out, with Recycle set, by a site of the files
// given, each saying version; held is what the fill found its new tree
// holding (nil for an empty tree).
func recycleBuild(t *testing.T, out string, files []string, version string) (held *Recycled) {
	t.Helper()
	return fillRecycled(t, out, files, func(string, *Recycled) ([]byte, bool) { return []byte(version), true })
}

// fillRecycled builds files into out with Recycle set, writing each file
// that content says to write, with the bytes it gives; it returns what
// the new tree held from the kept site.
func fillRecycled(t *testing.T, out string, files []string, content func(f string, held *Recycled) ([]byte, bool)) (held *Recycled) {
	t.Helper()
	o, err := Open(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	o.Recycle = true
	err = o.ReplaceWith(files, func(tmp string) error {
		held = o.Recycled()
		for _, f := range files {
			data, write := content(f, held)
			if !write {
				continue
			}
			p := filepath.Join(tmp, filepath.FromSlash(f))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			// As package pipeline does: what the tree holds is removed,
			// never written over (it may be a link to the site's file).
			if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
				return err
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return held
}

// TestRecycle: a build keeps the site it replaced beside the output, and
// the next fills its new tree from it, holding only what the new site has.
func TestRecycle(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	prev := filepath.Join(filepath.Dir(out), ".public.prev")
	if held := recycleBuild(t, out, sitePaths, "1"); held != nil {
		t.Errorf("the first build found a tree to fill from: %v", held)
	}
	if _, err := os.Lstat(prev); !os.IsNotExist(err) {
		t.Errorf("a site was kept with none replaced: %v", err)
	}
	if held := recycleBuild(t, out, sitePaths, "2"); held != nil {
		t.Errorf("the second build found a tree to fill from: %v", held)
	}
	if v, err := siteVersion(prev); v != "1" || err != nil {
		t.Fatalf("kept site: version %q, %v; want the first build's", v, err)
	}

	// The third drops 2016/tal/: its tree holds the second build's site
	// less what the third does not have.
	fewer := slices.DeleteFunc(slices.Clone(sitePaths), func(p string) bool { return strings.HasPrefix(p, "2016/tal/") })
	held := recycleBuild(t, out, fewer, "3")
	if held == nil {
		t.Fatal("the third build filled an empty tree, not the kept site")
	}
	var files, dirs []string
	for f := range held.Files {
		files = append(files, f)
	}
	for d := range held.Dirs {
		dirs = append(dirs, d)
	}
	slices.Sort(files)
	slices.Sort(dirs)
	if want := []string{"2016/index.html", "css/report.css", "index.html"}; !slices.Equal(files, want) {
		t.Errorf("tree held files %q, want %q", files, want)
	}
	if want := []string{"2016", "css"}; !slices.Equal(dirs, want) {
		t.Errorf("tree held folders %q, want %q", dirs, want)
	}
	if _, err := os.Lstat(filepath.Join(out, "2016", "tal")); !os.IsNotExist(err) {
		t.Errorf("2016/tal/ is left in the new site: %v", err)
	}
	if v, err := siteVersion(prev); v != "2" || err != nil {
		t.Errorf("kept site: version %q, %v; want the second build's", v, err)
	}
}

// TestRecycleRefusesATamperedSite: a kept site holding anything but its
// own files is removed, not filled from, and nothing it leads to is
// touched.
func TestRecycleRefusesATamperedSite(t *testing.T) {
	for _, tamper := range []struct {
		name string
		do   func(t *testing.T, prev, outside string) error
	}{
		{"a file of someone's", func(t *testing.T, prev, _ string) error {
			return os.WriteFile(filepath.Join(prev, "2016", "noter.txt"), []byte("mine"), 0o644)
		}},
		{"a link to a folder", func(t *testing.T, prev, outside string) error {
			return os.Symlink(outside, filepath.Join(prev, "2016", "kilder"))
		}},
		{"a folder swapped for a link", func(t *testing.T, prev, outside string) error {
			if err := os.RemoveAll(filepath.Join(prev, "2016", "tal")); err != nil {
				return err
			}
			return os.Symlink(outside, filepath.Join(prev, "2016", "tal"))
		}},
		{"a tool's folder", func(t *testing.T, prev, _ string) error {
			if err := os.Mkdir(filepath.Join(prev, "pagefind"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(prev, "pagefind", "index.js"), []byte("x"), 0o644)
		}},
		{"no list of its files", func(t *testing.T, prev, _ string) error {
			return os.Remove(prev + ".files")
		}},
	} {
		t.Run(tamper.name, func(t *testing.T) {
			// Both ways the kept site is judged: by its folders' stamps
			// (every change time trusted), and walked.
			for _, window := range []int64{1, 3600e9} {
				windowOf = func(string) int64 { return window }
				t.Cleanup(func() { windowOf = timeWindow })
				tamperedSite(t, tamper.do)
			}
		})
	}
}

func tamperedSite(t *testing.T, tamper func(t *testing.T, prev, outside string) error) {
	t.Helper()
	{
		{
			outside := filepath.Join(t.TempDir(), "content")
			if err := writeSite(outside, "source"); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			prev := filepath.Join(filepath.Dir(out), ".public.prev")
			recycleBuild(t, out, sitePaths, "1")
			recycleBuild(t, out, sitePaths, "2")
			if err := tamper(t, prev, outside); err != nil {
				t.Fatal(err)
			}
			if held := recycleBuild(t, out, sitePaths, "3"); held != nil {
				t.Errorf("filled from the tampered site: %v", held.Files)
			}
			if v, err := siteVersion(out); v != "3" || err != nil {
				t.Errorf("site: version %q, %v", v, err)
			}
			if v, err := siteVersion(outside); v != "source" || err != nil {
				t.Errorf("what the link led to: version %q, %v", v, err)
			}
			if got, err := listTree(out); err != nil || !slices.Equal(got, slices.Sorted(slices.Values(sitePaths))) {
				t.Errorf("site holds %q (%v), want %q", got, err, sitePaths)
			}
			// The site the third build replaced is kept in its place.
			if v, err := siteVersion(prev); v != "2" || err != nil {
				t.Errorf("kept site: version %q, %v; want the second build's", v, err)
			}
		}
	}
}

// TestUpToDateLeavesTheKeptSite: a build that finds its folder up to date
// (Examined) stops the walk of the kept site, and leaves the site as it
// is for the next build that writes.
func TestUpToDateLeavesTheKeptSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	recycleBuild(t, out, sitePaths, "1")
	recycleBuild(t, out, sitePaths, "2")
	for range 3 {
		o, err := Open(context.Background(), out)
		if err != nil {
			t.Fatal(err)
		}
		o.Recycle = true
		if err := o.Examine(); err != nil {
			t.Fatal(err)
		}
		if err := o.Examined(); err != nil {
			t.Fatal(err)
		}
		o.Close()
	}
	prev := filepath.Join(filepath.Dir(out), ".public.prev")
	if v, err := siteVersion(prev); v != "1" || err != nil {
		t.Fatalf("kept site: version %q, %v; want the first build's", v, err)
	}
	if held := recycleBuild(t, out, sitePaths, "3"); held == nil {
		t.Error("the next build that writes did not fill its tree from the kept site")
	}
}

// TestKeptSiteALink: a link where a build keeps the site before last is
// refused, as any entry named like a build's own folder that is not one:
// a build that used or removed it would act on where it leads.
func TestKeptSiteALink(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	outside := filepath.Join(t.TempDir(), "content")
	if err := writeSite(outside, "source"); err != nil {
		t.Fatal(err)
	}
	recycleBuild(t, out, sitePaths, "1")
	if err := os.Symlink(outside, filepath.Join(filepath.Dir(out), ".public.prev")); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), out)
	if err == nil || !strings.Contains(err.Error(), ".public.prev is named like a folder a build leaves, but it is a symbolic link") {
		t.Errorf("Open = %v, want the link refused", err)
	}
	if v, err := siteVersion(outside); v != "source" || err != nil {
		t.Errorf("what the link leads to: version %q, %v", v, err)
	}
	if v, err := siteVersion(out); v != "1" || err != nil {
		t.Errorf("site: version %q, %v", v, err)
	}
}

// TestRefusedBuildKeepsTheKeptSite: a build refused for what the output
// holds neither fills a tree nor uses up the kept site.
func TestRefusedBuildKeepsTheKeptSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	recycleBuild(t, out, sitePaths, "1")
	recycleBuild(t, out, sitePaths, "2")
	if err := os.WriteFile(filepath.Join(out, "2016", "noter.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	o, err := Open(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	o.Recycle = true
	filled := false
	err = o.ReplaceWith(sitePaths, func(string) error { filled = true; return nil })
	o.Close()
	var refusal *Refusal
	if !errors.As(err, &refusal) || filled {
		t.Fatalf("ReplaceWith = %v, filled %v; want refused before filling", err, filled)
	}
	if v, err := siteVersion(filepath.Join(filepath.Dir(out), ".public.prev")); v != "1" || err != nil {
		t.Errorf("kept site: version %q, %v; want it kept", v, err)
	}
	if err := os.Remove(filepath.Join(out, "2016", "noter.txt")); err != nil {
		t.Fatal(err)
	}
	if held := recycleBuild(t, out, sitePaths, "3"); held == nil {
		t.Error("the next build did not fill its tree from the kept site")
	}
}
