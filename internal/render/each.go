package render

// Every file of a plan rendered in parallel and handed on as soon as it is
// ready, for the build, which writes each file while others still render,
// and for the check command, which only wants every problem at once.

import (
	"context"
	"fmt"
	"slices"
	"time"

	"report/internal/diag"
	"report/internal/hostfiles"
	"report/internal/parallel"
	"report/internal/urls"
)

// RenderAll renders every page, in parallel, and reads every asset. It
// fails only on template execution errors or unreadable assets, and then
// reports all of them.
func (p *Plan) RenderAll() (Output, error) {
	out := make(Output, len(p.paths))
	err := p.Each(context.Background(), func(i int, f File) error {
		out[i] = f
		return nil
	})
	return out, err
}

// Each renders every file in parallel and hands it, with its index in
// Paths, to use as soon as it is ready, so that a caller can write it out
// while other pages are still rendering. It fails like RenderAll. It stops early
// when ctx is cancelled or use fails, and then returns that error alone,
// before any page's problem: a full disk fails every write after the
// first, and saying so once is enough.
func (p *Plan) Each(ctx context.Context, use func(i int, f File) error) error {
	return p.each(ctx, false, nil, use)
}

// Stream is Each for a caller that writes every file where it belongs, as
// the build does: an asset comes without Data, open, for WriteTo to copy,
// so that a large PDF is never held in memory whole. The asset is closed
// when use returns, and a page's Data is taken back to render the next
// pages into: use must not keep either.
func (p *Plan) Stream(ctx context.Context, use func(i int, f File) error) error {
	return p.each(ctx, true, nil, use)
}

// Reuse is asked, before a page is rendered, whether the page the last
// build wrote with the same key (see PageKey) can be taken instead; it
// returns that page's Content-Security-Policy and true when it took it.
type Reuse func(i int, key [32]byte) (csp string, ok bool)

// StreamReusing is Stream for a build that may take the pages the last
// build wrote: a page reuse takes is neither rendered nor handed to use.
// Every page with a key that is rendered comes to use with its key and
// policy, for the next build.
func (p *Plan) StreamReusing(ctx context.Context, reuse Reuse, use func(i int, f File) error) error {
	return p.each(ctx, true, reuse, use)
}

// eachRun is one call of Each or Stream: what its workers share.
type eachRun struct {
	p        *Plan
	stream   bool
	reuse    Reuse // may be nil
	use      func(i int, f File) error
	failures []*diag.Problem // each file's problem, by its index in p.paths
	csps     []string        // each page's policy, for _headers
}

func (p *Plan) each(ctx context.Context, stream bool, reuse Reuse, use func(i int, f File) error) error {
	run := &eachRun{
		p: p, stream: stream, reuse: reuse, use: use,
		failures: make([]*diag.Problem, len(p.paths)),
		csps:     make([]string, len(p.paths)),
	}
	// Stream's caller writes every file as it is handed over, so its calls
	// wait for the disk as well as render.
	work := parallel.CPU
	if stream {
		work = parallel.Disk
	}
	err := parallel.Each(ctx, work, len(p.paths), func(_ context.Context, i int) error {
		if p.paths[i] == urls.Headers {
			return nil // made from the pages' policies once they are rendered
		}
		return run.do(i)
	})
	return run.finish(ctx, err)
}

// do renders the file at index i and hands it to use, and returns use's
// error. A file that fails to render is not handed on: its problem is
// reported with the others once all are tried.
func (run *eachRun) do(i int) error {
	var key [32]byte
	var keyed bool
	if run.reuse != nil {
		if key, keyed = run.p.PageKey(run.p.paths[i]); keyed {
			if csp, ok := run.reuse(i, key); ok {
				run.csps[i] = csp
				return nil
			}
		}
	}
	var f File
	f, run.failures[i] = run.p.render(run.p.paths[i], run.stream)
	if run.stream {
		run.p.dropBody(run.p.paths[i])
	}
	if run.failures[i] != nil {
		return nil
	}
	_, isPage := run.p.pages[f.Path]
	if isPage {
		run.csps[i] = hostfiles.PageCSP(f.Data)
		if keyed {
			f.Key, f.CSP = key, run.csps[i]
		}
	}
	err := run.use(i, f)
	if f.stream != nil {
		f.stream.Close()
	}
	if run.stream && isPage {
		recyclePage(f.Data)
	}
	return err
}

// dropBody lets go of the HTML of the body of the page at path once the
// page is rendered, in a run that renders each page once and writes it
// (Stream): at 10,000 case stories the bodies' HTML was a third of what a
// clean build held while it rendered. A body asked for again is converted
// again (see markdown.Doc.DropHTML), so none is dropped where some kind's
// templates show the bodies of other pages.
func (p *Plan) dropBody(path string) {
	j, isPage := p.pages[path]
	if !isPage || j.data.Page == nil || p.r.templates.anyBodies {
		return
	}
	j.data.Page.Body.DropHTML()
}

// finish reports how the run ended, given the error that stopped it, and
// makes _headers last, from the policies of the pages just rendered.
func (run *eachRun) finish(ctx context.Context, stopped error) error {
	// Being asked to stop, and a failed write, each end the work before
	// every page was tried, so either is the answer on its own.
	if err := ctx.Err(); err != nil {
		return err
	}
	if stopped != nil {
		return stopped
	}
	problems := &diag.List{}
	reportFailures(run.p.paths, run.failures, problems)
	if err := problems.Err(); err != nil {
		return err
	}
	if i, ok := slices.BinarySearch(run.p.paths, urls.Headers); ok {
		return run.use(i, File{Path: urls.Headers, Data: run.p.headers(run.csps)})
	}
	return nil
}

// render renders the page at path, or reads the file; with stream, an
// asset comes open rather than read (see Stream).
func (p *Plan) render(path string, stream bool) (File, *diag.Problem) {
	if j, isPage := p.pages[path]; isPage {
		start := time.Now()
		f, prob := j.r.renderPage(j)
		p.r.timing.Item("page", path, time.Since(start))
		return f, prob
	}
	if a, isAsset := p.assets[path]; isAsset {
		if stream && a.Streamable() {
			o, prob := a.Open(p.fsys)
			return File{Path: path, stream: o}, prob
		}
		b, prob := a.Contents(p.fsys)
		return File{Path: path, Data: b}, prob
	}
	return File{Path: path, Data: p.files[path]}, nil
}

// reportFailures reports each distinct failure once, naming the first page
// it broke and how many others: a template error breaks every page of a kind.
func reportFailures(paths []string, failures []*diag.Problem, problems *diag.List) {
	first := map[string]int{}
	count := map[string]int{}
	var order []string
	for i, f := range failures {
		if f == nil {
			continue
		}
		key := f.Error()
		if _, seen := first[key]; !seen {
			first[key] = i
			order = append(order, key)
		}
		count[key]++
	}
	for _, key := range order {
		i := first[key]
		p := *failures[i]
		p.Msg += " (rendering " + paths[i]
		if n := count[key] - 1; n > 0 {
			p.Msg += fmt.Sprintf(" and %d other pages", n)
		}
		p.Msg += ")"
		problems.Add(&p)
	}
}
