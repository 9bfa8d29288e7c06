package outdir

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// The tests run this test binary again as a child for what must happen in
// another process: a build that dies midway, a build in a mount namespace
// of its own. The child's job is in the environment.
const childEnv = "OUTDIR_TEST_CHILD"

func TestMain(m *testing.M) {
	if job := os.Getenv(childEnv); job != "" {
		if err := runChild(job); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// writeSite writes a small site whose every file says which build wrote it.
func writeSite(dir, version string) error {
	for _, p := range sitePaths {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(version), 0o644); err != nil {
			return err
		}
	}
	return nil
}

var sitePaths = []string{"index.html", "2016/index.html", "2016/tal/index.html", "css/report.css"}

// siteVersion returns the version every file of the site in dir says, or
// an error if one is missing or they differ.
func siteVersion(dir string) (string, error) {
	v := ""
	for _, p := range sitePaths {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return "", err
		}
		if v != "" && string(data) != v {
			return "", fmt.Errorf("a mix of %s and %s", v, data)
		}
		v = string(data)
	}
	return v, nil
}
