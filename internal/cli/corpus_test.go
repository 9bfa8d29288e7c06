package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"report/internal/sitetest"
)

// goodSite writes the small test site with the real layouts into a folder,
// builds it, and returns the folder and a fingerprint of its public/.
func goodSite(t *testing.T) (string, map[string][32]byte) {
	t.Helper()
	dir := sitetest.Dir(t, nil)
	var stderr bytes.Buffer
	if code := Run(context.Background(), []string{"build", "--root", dir}, &bytes.Buffer{}, &stderr); code != ExitOK {
		t.Fatalf("the good site does not build: %s", stderr.String())
	}
	return dir, fingerprint(t, filepath.Join(dir, "public"))
}

func fingerprint(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// breakAndBuild runs a build that must fail: exit status 1, the expected
// errors on stderr, nothing on stdout, and public/ exactly as before.
func breakAndBuild(t *testing.T, dir string, before map[string][32]byte, want []string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"build", "--root", dir}, &stdout, &stderr)
	if code != ExitFail {
		t.Errorf("exit status %d, want %d", code, ExitFail)
	}
	sitetest.AssertContains(t, "stderr", stderr.String(), want...)
	sitetest.AssertContains(t, "stderr", stderr.String(), "; public was left as it was")
	if stdout.Len() > 0 {
		t.Errorf("stdout %q", stdout.String())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		// The list of what the good build wrote, and what a build keeps
		// for the next, parsed or not, stay.
		if strings.HasPrefix(e.Name(), ".public") && e.Name() != ".public.files" && e.Name() != ".public.cache" {
			t.Errorf("the failed build left %s behind", e.Name())
		}
	}
	after := fingerprint(t, filepath.Join(dir, "public"))
	if len(after) != len(before) {
		t.Fatalf("public/ has %d files after the failed build, %d before", len(after), len(before))
	}
	for p, sum := range before {
		if after[p] != sum {
			t.Errorf("%s changed in a failed build", p)
		}
	}
}

// TestBrokenSitesThroughTheCLI runs every broken site of testdata/bad through
// the real command, on top of a good build.
func TestBrokenSitesThroughTheCLI(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sitetest.Root, "testdata/bad/*.txtar"))
	if len(paths) < 30 {
		t.Fatalf("%d broken sites; the corpus needs at least 30", len(paths))
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar := sitetest.ParseFile(t, p)
			dir, before := goodSite(t)
			sitetest.ApplyDir(t, dir, ar)
			breakAndBuild(t, dir, before, []string{sitetest.Want(ar)})
		})
	}
}

// TestHugeFile puts a 50 MB file in content/: refused without reading it.
func TestHugeFile(t *testing.T) {
	dir, before := goodSite(t)
	huge := bytes.Repeat([]byte("Lorem ipsum dolor sit amet.\n"), 50<<20/28)
	if err := os.WriteFile(filepath.Join(dir, "content/2016/stor.md"), huge, 0o644); err != nil {
		t.Fatal(err)
	}
	breakAndBuild(t, dir, before, []string{"content/2016/stor.md: error: file is over 49 MB; text files may be at most 10 MB"})
}

// TestSymlinkLoop links a folder of content/ to itself.
func TestSymlinkLoop(t *testing.T) {
	dir, before := goodSite(t)
	if err := os.Symlink(".", filepath.Join(dir, "content/2016/loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "static/passwd")); err != nil {
		t.Fatal(err)
	}
	breakAndBuild(t, dir, before, []string{
		"content/2016/loop: error: symbolic links are not followed; copy the file into content/ instead",
		"static/passwd: error: symbolic links are not followed; copy the file instead",
	})
}
