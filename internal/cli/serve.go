package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"report/internal/diskfs"
	"report/internal/pipeline"
	"report/internal/serve"
)

// serveFlags are report serve's flags.
type serveFlags struct {
	siteFlags
	bind, cmsDir string
	port         int
}

func (v *serveFlags) set(stderr io.Writer) *flag.FlagSet {
	fs := newFlagSet("serve", stderr, &v.siteFlags)
	fs.StringVar(&v.bind, "bind", "127.0.0.1", "the `address` to listen on")
	fs.IntVar(&v.port, "port", 1313, "the `port` to listen on")
	fs.StringVar(&v.cmsDir, "cms", "", "serve the editors' CMS at /admin/ from the `folder` make cms copied it to (make edit does), working on this folder's files")
	return fs
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var v serveFlags
	fs := v.set(stderr)
	sf, bind, port, cmsDir := &v.siteFlags, &v.bind, &v.port, &v.cmsDir
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *cmsDir != "" && !filepath.IsAbs(*cmsDir) {
		*cmsDir = filepath.Join(sf.root, *cmsDir)
	}
	preview := serve.New(diskfs.Dir(sf.root), pipeline.Options{BaseURL: sf.baseURL, CMSDir: *cmsDir}, stderr)
	preview.AllowHost(*bind) // the name the editor typed is the one the browser sends
	// A broken site still starts: the browser shows the errors until they are fixed.
	preview.Rebuild()
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "report: %v\n", err)
		return ExitFail
	}
	if addr, ok := ln.Addr().(*net.TCPAddr); ok && !addr.IP.IsLoopback() {
		// The preview is one editor's: it has no password, and shows what
		// is not yet published.
		fmt.Fprintf(stderr, "report: warning: --bind %s is not a loopback address: anyone who can reach this machine on port %d "+
			"can read the preview, with every file of the site, unpublished drafts and the build's errors with their file paths; "+
			"it has no password. It answers only requests that name it by an address of this machine (its Host check against DNS rebinding), "+
			"so open it by IP address. Use --bind 127.0.0.1 to keep it to this machine.\n", *bind, addr.Port)
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	srv := preview.HTTPServer(serve.DefaultTimeouts)
	go func() {
		if err := preview.Watch(ctx, sf.root); err != nil {
			fmt.Fprintf(stderr, "report: cannot watch for changes: %v\n", err)
		}
	}()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(stdout, "report: serving on http://%s%s (rebuilds on every change; Ctrl+C to stop)\n", browserAddr(ln.Addr()), preview.BasePath())
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		fmt.Fprintf(stderr, "report: %v\n", err)
		return ExitFail
	}
	return ExitOK
}

// browserAddr is the address to open the preview at: on every interface
// ("[::]:1313"), that is this machine's loopback address, which a browser
// can open and the preview's Host check accepts.
func browserAddr(a net.Addr) string {
	if tcp, ok := a.(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		return net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp.Port))
	}
	return a.String()
}
