package render

import (
	"slices"
	"testing"

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
