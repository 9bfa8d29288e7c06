package cli

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"report": func() { os.Exit(Main()) },
	})
}

// TestScripts runs the scripts in testdata/script. Each starts in a folder
// holding the small test site (testdata/sites/base) with the real layouts and
// static files; files in the script's archive replace the site's own.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			for src, dst := range map[string]string{
				"../../testdata/sites/base": "",
				"../../layouts":             "layouts",
				"../../static":              "static",
			} {
				if err := copyDir(src, filepath.Join(env.WorkDir, dst)); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if _, err := os.Stat(target); err == nil {
			return nil // the script's own version of the file wins
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

func TestUsage(t *testing.T) {
	if code := Run(context.Background(), nil, io.Discard, io.Discard); code != ExitUsage {
		t.Errorf("no arguments: exit %d, want %d", code, ExitUsage)
	}
	if code := Run(context.Background(), []string{"frobnicate"}, io.Discard, io.Discard); code != ExitUsage {
		t.Errorf("unknown command: exit %d, want %d", code, ExitUsage)
	}
}
