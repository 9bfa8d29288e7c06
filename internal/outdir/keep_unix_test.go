//go:build unix

package outdir

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestKeptFilesAreNeverWaitedOn puts a pipe, and a link, where a build
// looks for what the last build kept and for its list of files: neither is
// read, and nothing waits for a writer that never comes.
func TestKeptFilesAreNeverWaitedOn(t *testing.T) {
	for _, kind := range []string{"pipe", "link"} {
		t.Run(kind, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "public")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			secret := filepath.Join(parent, "secret")
			if err := os.WriteFile(secret, []byte("not the site's"), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{".public.cache", ".public.files"} {
				p := filepath.Join(parent, name)
				var err error
				if kind == "pipe" {
					err = syscall.Mkfifo(p, 0o644)
				} else {
					err = os.Symlink(secret, p)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				o, err := Open(context.Background(), dir)
				if err != nil {
					t.Error(err)
					return
				}
				defer o.Close()
				if b := o.ReadKept(); b != nil {
					t.Errorf("ReadKept read %q through a %s", b, kind)
				}
				if _, ok := o.Listed(); ok {
					t.Errorf("Listed read a list through a %s", kind)
				}
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("reading what a build keeps waited on a %s", kind)
			}
		})
	}
}
