package render

import (
	"crypto/sha256"
	"strconv"

	"report/internal/assets"
	"report/internal/data"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/share"
	"report/internal/site"
	"report/internal/urls"
)

// ShareImage is an edition's picture for link previews (og:image), drawn by
// package share from the edition's name and its first key figure, under a
// hashed name in urls.Share.
type ShareImage struct {
	URL    string // path in the site, "deling/2016.3f2a9c1d.png"
	Alt    string
	Width  int
	Height int
}

// shareImages draws every edition's share image and hands each file to
// add. A title the chart font cannot draw is an error in the edition's
// file.
func (r *Renderer) shareImages(add func(File), problems *diag.List) {
	r.shares = map[int]*ShareImage{}
	for _, e := range r.site.Editions {
		card := shareCard(r.site, e)
		b, err := share.Render(card)
		if err != nil {
			problems.Errorf(e.Path, 1, 0, "%v; change the subtitle or the first key figure's text", err)
			continue
		}
		sum := sha256.Sum256(b)
		img := &ShareImage{URL: assets.HashedName(urls.Share+strconv.Itoa(e.Year)+".png", sum[:]), Alt: card.Alt(), Width: share.Width, Height: share.Height}
		r.shares[e.Year] = img
		add(File{Path: img.URL, Data: b})
	}
}

// shareCard is what edition e of site s shows in its share image.
func shareCard(s *site.Site, e *site.Edition) share.Card {
	var first *site.KeyFigure
	if len(e.Figures) > 0 {
		first = &e.Figures[0]
	}
	return cardOf(s.Data.Site.Title, e.Subtitle, first)
}

// cardOf is the share image of an edition with the subtitle and the first
// key figure (nil for none) on a site of the title.
func cardOf(siteTitle, subtitle string, first *site.KeyFigure) share.Card {
	card := share.Card{Site: siteTitle, Title: subtitle}
	if first != nil {
		card.Prefix, card.Number, card.Text = first.Prefix, first.Number, lang.Plain(first.Text)
	}
	return card
}

// SharePrefetch draws the share images from the data while the site
// loads: its DataLoaded is site.Options.DataLoaded, and New, given it in
// Options, waits for it. A page names its share image by the image's
// hash, so a plan waits for the images: drawn from the data while content/
// loads, they no longer keep a core idle then (the 2016 edition's two took
// 20 ms of its build; ten editions' twenty, 90 ms). It only fills share's
// cache: New draws any card the loaded site shows that is not drawn yet,
// and a card drawn here that the site does not show (an edition without
// an English version has no English card) is drawn in vain.
type SharePrefetch struct {
	// After, when not nil, is closed once the images an earlier build
	// kept are back in share's cache (share.Recall): a rebuild reads them
	// beside the load, and drawn before they are back, they were drawn
	// again for nothing.
	After <-chan struct{}
	done  chan struct{} // closed when the cards are drawn; nil until DataLoaded
}

// drawCards is share.Draw; a test sees what the prefetch draws, and when.
var drawCards = share.Draw

// DataLoaded starts drawing the share images that the data d (in the
// first of langs) gives every edition in every language.
func (p *SharePrefetch) DataLoaded(d *data.Data, langs []*lang.Lang) {
	cards := dataCards(d, langs)
	p.done = make(chan struct{})
	go func() {
		defer close(p.done)
		if p.After != nil {
			<-p.After
		}
		drawCards(cards)
	}()
}

// wait returns once the prefetched cards are drawn, at once when there
// were none (a nil p, or data that never loaded).
func (p *SharePrefetch) wait() {
	if p != nil && p.done != nil {
		<-p.done
	}
}

// dataCards are the share images the data d, in the first of langs, gives
// every edition in every language.
func dataCards(d *data.Data, langs []*lang.Lang) []share.Card {
	var cards []share.Card
	for i, l := range langs {
		in := d
		if i > 0 {
			in = d.In(l, &diag.List{}) // its problems are the loaded site's to report
		}
		for _, e := range in.Editions {
			var first *site.KeyFigure
			if fig, ok := site.FirstKeyFigure(in, e); ok {
				first = &fig
			}
			cards = append(cards, cardOf(in.Site.Title, e.Subtitle, first))
		}
	}
	return cards
}

// drawShareImages starts drawing the share images of every edition of the
// site and its translations, for shareImages to take from share's cache
// once the returned channel is closed: those the prefetch drew are there
// already, and any it did not predict is drawn now, beside the parsing of
// the templates. One card after another: one painter serves them all (see
// share.Draw), and the other core goes on with the build.
func drawShareImages(s *site.Site, prefetched *SharePrefetch) <-chan struct{} {
	cards := siteCards(s)
	done := make(chan struct{})
	go func() {
		defer close(done)
		prefetched.wait() // the cards it draws are not drawn twice at once
		share.Draw(cards) // a card it cannot draw is reported by shareImages
	}()
	return done
}

// siteCards are the share images of every edition of the loaded site s,
// in every language it has.
func siteCards(s *site.Site) []share.Card {
	var cards []share.Card
	for _, v := range append([]*site.Site{s}, s.Translations...) {
		for _, e := range v.Editions {
			cards = append(cards, shareCard(v, e))
		}
	}
	return cards
}

// shareImage is the share image of a page of edition e; pages of no
// edition show the newest edition's. It is nil when there is none.
func (r *Renderer) shareImage(e *site.Edition) *ShareImage {
	if e == nil {
		e = r.latest()
	}
	if e == nil {
		return nil
	}
	return r.shares[e.Year]
}
