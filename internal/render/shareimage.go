package render

import (
	"crypto/sha256"
	"strconv"

	"report/internal/assets"
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
	card := share.Card{Site: s.Data.Site.Title, Title: e.Subtitle}
	if len(e.Figures) > 0 {
		k := e.Figures[0]
		card.Prefix, card.Number, card.Text = k.Prefix, k.Number, lang.Plain(k.Text)
	}
	return card
}

// drawShareImages starts drawing the share images of every edition of the
// site and its translations, for shareImages to take from share's cache
// once the returned channel is closed. New starts it first, so that the
// drawing (about 35 ms for the 2016 edition's two cards, in a new process)
// runs beside the parsing of the templates rather than before the plan.
// One card after another: one painter serves them all (see share.Draw),
// and the other core goes on with the build.
func drawShareImages(s *site.Site) <-chan struct{} {
	var cards []share.Card
	for _, v := range append([]*site.Site{s}, s.Translations...) {
		for _, e := range v.Editions {
			cards = append(cards, shareCard(v, e))
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		share.Draw(cards) // a card it cannot draw is reported by shareImages
	}()
	return done
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
