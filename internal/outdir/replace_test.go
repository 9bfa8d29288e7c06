package outdir

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"report/internal/sitetest"
	"strings"
	"sync"
	"testing"
	"time"
)

// noExchange makes Replace swap with two renames, as on systems without an
// atomic exchange, for the rest of the test.
func noExchange(t *testing.T) {
	saved := exchange
	exchange = func(a, b string) error { return errNoExchange }
	t.Cleanup(func() { exchange = saved })
}

// childKill, in the child, replaces the output folder and dies at the point
// the environment names, as a build killed there would: no deferred
// clean-up runs, and the lock goes with the process.
func childKill(out, point string, fallback, recycle bool) error {
	if fallback {
		exchange = func(a, b string) error { return errNoExchange }
	}
	hook = func(p string) {
		if p == point {
			os.Exit(3)
		}
	}
	o, err := Open(context.Background(), out)
	if err != nil {
		return err
	}
	o.Recycle = recycle
	err = o.ReplaceWith(sitePaths, func(tmp string) error {
		if recycle && o.Recycled() == nil {
			return errors.New("the tree was not filled from the kept site")
		}
		for _, p := range sitePaths {
			_ = os.Remove(filepath.Join(tmp, filepath.FromSlash(p))) // never written over
		}
		return writeSite(tmp, "new")
	})
	return fmt.Errorf("the build was not stopped at %s: %v", point, err)
}

func runChild(job string) error {
	kind, arg, _ := strings.Cut(job, ":")
	switch kind {
	case "kill", "kill-fallback", "kill-recycle":
		return childKill(os.Getenv("OUTDIR_TEST_OUT"), arg, kind == "kill-fallback", kind == "kill-recycle")
	case "mount":
		return childMount(os.Getenv("OUTDIR_TEST_OUT"))
	}
	return fmt.Errorf("unknown job %q", job)
}

// TestKilledBuildRepaired kills builds at every point of the swap, with the
// atomic exchange and with the two renames, and checks what each leaves: an
// output folder with a whole site in it, or, killed between the two
// renames, none; and that the next build, even one that fails, repairs that
// and removes at once every tree the killed build left.
func TestKilledBuildRepaired(t *testing.T) {
	tests := []struct {
		job     string
		after   string // the output's version right after the kill; "" for none
		repairs string // the output's version after the next, failed, build
	}{
		{"kill:filled", "old", "old"},
		{"kill:swapped", "new", "new"},
		{"kill-fallback:filled", "old", "old"},
		{"kill-fallback:aside", "", "old"},
		{"kill-fallback:swapped", "new", "new"},
		// Filling its tree from the site the last build kept beside the
		// output (see Recycle), which the killed build had taken.
		{"kill-recycle:filled", "old", "old"},
		{"kill-recycle:swapped", "new", "new"},
	}
	for _, tt := range tests {
		t.Run(tt.job, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if strings.HasPrefix(tt.job, "kill-recycle:") {
				recycleBuild(t, out, sitePaths, "older")
				recycleBuild(t, out, sitePaths, "old")
			} else if err := writeSite(out, "old"); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"="+tt.job, "OUTDIR_TEST_OUT="+out)
			msg, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 3 {
				t.Fatalf("the child build was not stopped where asked: %v\n%s", err, msg)
			}
			switch v, err := siteVersion(out); {
			case tt.after == "" && !errors.Is(err, os.ErrNotExist):
				t.Errorf("killed between the renames, the output is there: %q, %v", v, err)
			case tt.after != "" && v != tt.after:
				t.Errorf("killed, the output is %q (%v), want %q", v, err, tt.after)
			}
			if len(sitetest.Beside(t, out)) == 0 {
				t.Errorf("the killed build left nothing beside the output; was it killed midway?")
			}
			failed := errors.New("the content has errors")
			if err := Replace(context.Background(), out, func(string) error { return failed }); err != failed {
				t.Errorf("Replace = %v, want the fill's error", err)
			}
			if v, err := siteVersion(out); v != tt.repairs {
				t.Errorf("after the next build the output is %q (%v), want %q", v, err, tt.repairs)
			}
			if left := sitetest.Beside(t, out); len(left) > 0 {
				t.Errorf("left beside the output after the next build: %v", left)
			}
		})
	}
}

// TestConcurrentReplace: builds into one folder at once take turns, with
// the atomic exchange and with two renames; each succeeds, the folder ends
// as one whole site, and neither a tree nor the lock file is left beside it.
func TestConcurrentReplace(t *testing.T) {
	for _, fallback := range []bool{false, true} {
		t.Run(fmt.Sprintf("two renames=%v", fallback), func(t *testing.T) {
			if fallback {
				noExchange(t)
			}
			out := filepath.Join(t.TempDir(), "public")
			var wg sync.WaitGroup
			errs := make([]error, 16)
			for i := range errs {
				wg.Go(func() {
					errs[i] = Replace(context.Background(), out, func(tmp string) error { return writeSite(tmp, fmt.Sprint("v", i)) })
				})
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("build %d: %v", i, err)
				}
			}
			if v, err := siteVersion(out); err != nil || !strings.HasPrefix(v, "v") {
				t.Errorf("the output is %q: %v", v, err)
			}
			if left := sitetest.Beside(t, out); len(left) > 0 {
				t.Errorf("left beside the output: %v", left)
			}
		})
	}
}

// TestLockWaits: a build into a folder another build holds waits for it,
// stops waiting when its context is cancelled, having touched nothing, and
// goes ahead when the other build lets go.
func TestLockWaits(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := writeSite(out, "old"); err != nil {
		t.Fatal(err)
	}
	held, err := Open(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	filled := false
	err = Replace(ctx, out, func(tmp string) error { filled = true; return writeSite(tmp, "stopped") })
	if !errors.Is(err, context.DeadlineExceeded) || filled {
		t.Errorf("a build into a held folder: %v, filled %v; want it to wait until stopped", err, filled)
	}
	done := make(chan error)
	go func() {
		done <- Replace(context.Background(), out, func(tmp string) error { return writeSite(tmp, "next") })
	}()
	select {
	case err := <-done:
		t.Fatalf("the build did not wait for the one holding the folder: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	if v, _ := siteVersion(out); v != "old" {
		t.Errorf("while held, the output changed to %q", v)
	}
	held.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if v, err := siteVersion(out); v != "next" {
		t.Errorf("the output is %q (%v), want the waiting build's", v, err)
	}
	if left := sitetest.Beside(t, out); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

// TestReplaceKeepsLink: an output folder that is a link is replaced where it
// leads, and stays a link.
func TestReplaceKeepsLink(t *testing.T) {
	top := t.TempDir()
	served := filepath.Join(top, "www", "site")
	if err := writeSite(served, "old"); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(top, "public")
	if err := os.Symlink(served, link); err != nil {
		t.Fatal(err)
	}
	if err := Replace(context.Background(), link, func(tmp string) error { return writeSite(tmp, "new") }); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v", err)
	}
	if v, err := siteVersion(served); v != "new" {
		t.Errorf("the folder the link leads to is %q (%v), want the new site", v, err)
	}
}

// TestReplaceRefusesOthersFiles replaces a site whose folder gained, deep
// inside, a file the build did not write, a link and a Git repository: each
// time Examined and ReplaceWith refuse (see CheckContents), the folder is
// as it was, and the new tree is gone.
func TestReplaceRefusesOthersFiles(t *testing.T) {
	for _, plant := range []struct{ name, want string }{
		{"2016/tal/noter.txt", "files the last build did not write (2016/tal/noter.txt)"},
		{"2016/kilder", "symbolic link, 2016/kilder"},
		{"2016/.git/HEAD", "Git repository (2016/.git)"},
	} {
		t.Run(plant.name, func(t *testing.T) {
			top := t.TempDir()
			out := filepath.Join(top, "public")
			if err := Replace(context.Background(), out, func(tmp string) error { return writeSite(tmp, "old") }); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(out, filepath.FromSlash(plant.name))
			if plant.name == "2016/kilder" {
				if err := os.Symlink(top, p); err != nil {
					t.Fatal(err)
				}
			} else if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil || os.WriteFile(p, []byte("mine"), 0o644) != nil {
				t.Fatal(err)
			}
			// A build that finds the site up to date asks Examined instead,
			// and is refused the same way.
			o, err := Open(context.Background(), out)
			if err != nil {
				t.Fatal(err)
			}
			o.Examine()
			err = o.Examined()
			o.Close()
			var refusal *Refusal
			if !errors.As(err, &refusal) || !strings.Contains(err.Error(), plant.want) {
				t.Errorf("Examined: got %v, want a refusal saying %q", err, plant.want)
			}
			err = Replace(context.Background(), out, func(tmp string) error { return writeSite(tmp, "new") })
			if !errors.As(err, &refusal) || !strings.Contains(err.Error(), plant.want) {
				t.Errorf("got %v, want a refusal saying %q", err, plant.want)
			}
			if v, err := siteVersion(out); v != "old" {
				t.Errorf("the folder holds %q (%v), want the old site", v, err)
			}
			if _, err := os.Lstat(p); err != nil {
				t.Errorf("%s is gone: %v", plant.name, err)
			}
			entries, _ := os.ReadDir(top)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".new-") {
					t.Errorf("the refused replacement left %s", e.Name())
				}
			}
		})
	}
}
