package render

import (
	"slices"
	"testing"
	"time"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/diskfs"
	"report/internal/lang"
	"report/internal/share"
	"report/internal/site"
	"report/internal/sitetest"
)

// TestPrefetchPredictsTheCards loads the shipped site and checks that the
// share images drawn from its data before the load (SharePrefetch)
// are those its editions show, in every language: a card the data gets
// wrong (its key figure's text left unexpanded, a language forgotten) is
// drawn again while a build waits for it.
func TestPrefetchPredictsTheCards(t *testing.T) {
	var predicted []share.Card
	prefetch := func(d *data.Data, langs []*lang.Lang) { predicted = dataCards(d, langs) }
	fsys := diskfs.Dir(sitetest.Shipped())
	problems := &diag.List{}
	s := site.Load(fsys, site.Options{DataLoaded: prefetch}, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	cards := siteCards(s)
	if len(s.Translations) == 0 || len(cards) < 2 {
		t.Fatalf("the shipped site shows %d share images in %d languages; the test needs a translation", len(cards), 1+len(s.Translations))
	}
	for _, c := range cards {
		if !slices.Contains(predicted, c) {
			t.Errorf("the data did not predict the share image %+v; it predicted %+v", c, predicted)
		}
	}
}

// TestPrefetchWaitsForTheKeptImages: a rebuild reads the images the last
// build kept beside the load, so the prefetch draws only once they are
// back in share's cache (SharePrefetch.After), never before.
func TestPrefetchWaitsForTheKeptImages(t *testing.T) {
	drew := make(chan []share.Card, 1)
	drawCards = func(cards []share.Card) { drew <- cards }
	t.Cleanup(func() { drawCards = share.Draw })
	fsys, problems := diskfs.Dir(sitetest.Shipped()), &diag.List{}
	d, langs := data.Load(fsys, problems), lang.Load(fsys, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	after := make(chan struct{})
	p := &SharePrefetch{After: after}
	p.DataLoaded(d, langs)
	// Not drawn while the kept images are being read: given time to
	// draw, it waits on.
	select {
	case <-drew:
		t.Fatal("the prefetch drew before the kept images were recalled")
	case <-time.After(50 * time.Millisecond):
	}
	close(after)
	if cards := <-drew; len(cards) == 0 {
		t.Error("the prefetch drew no cards once the kept images were recalled")
	}
	p.wait()
}
