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

	"github.com/rogpeppe/go-internal/txtar"
)

// goodSite writes the small test site with the real layouts into a folder,
// builds it, and returns the folder and a fingerprint of its public/.
func goodSite(t *testing.T) (string, map[string][32]byte) {
	t.Helper()
	dir := t.TempDir()
	for src, dst := range map[string]string{"../../testdata/sites/base": "", "../../layouts": "layouts", "../../static": "static"} {
		if err := copyDir(src, filepath.Join(dir, dst)); err != nil {
			t.Fatal(err)
		}
	}
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
	for _, w := range want {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
		}
	}
	if !strings.Contains(stderr.String(), "; public was left as it was") || stdout.Len() > 0 {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
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
	paths, _ := filepath.Glob("../../testdata/bad/*.txtar")
	if len(paths) < 30 {
		t.Fatalf("%d broken sites; the corpus needs at least 30", len(paths))
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			dir, before := goodSite(t)
			var want []string
			for _, f := range ar.Files {
				target := filepath.Join(dir, filepath.FromSlash(f.Name))
				switch {
				case f.Name == "want":
					want = strings.Split(strings.TrimSpace(string(f.Data)), "\n")
				case string(f.Data) == "DELETE\n":
					_ = os.Remove(target)
				default:
					_ = os.MkdirAll(filepath.Dir(target), 0o755)
					if err := os.WriteFile(target, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			breakAndBuild(t, dir, before, want)
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
	breakAndBuild(t, dir, before, []string{"content/2016/stor.md: error: file is 49 MB; text files may be at most 10 MB"})
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
