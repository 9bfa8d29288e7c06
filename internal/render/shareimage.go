package render

import (
	"context"
	"crypto/sha256"
	"strconv"

	"report/internal/assets"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/parallel"
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
		card := r.shareCard(e)
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

// shareCard is what edition e's share image shows.
func (r *Renderer) shareCard(e *site.Edition) share.Card {
	card := share.Card{Site: r.site.Data.Site.Title, Title: e.Subtitle}
	if len(e.Figures) > 0 {
		k := e.Figures[0]
		card.Prefix, card.Number, card.Text = k.Prefix, k.Number, lang.Plain(k.Text)
	}
	return card
}

// drawShareImages draws the share images of every language's editions at
// once, each on a core of its own, for shareImages to take from share's
// cache in order: drawn one after the other they were the longest wait of
// planning (about 25 ms each).
func drawShareImages(renderers []*Renderer) {
	var cards []share.Card
	for _, r := range renderers {
		for _, e := range r.site.Editions {
			cards = append(cards, r.shareCard(e))
		}
	}
	_ = parallel.Each(context.Background(), parallel.CPU, len(cards), func(_ context.Context, i int) error {
		_, _ = share.Render(cards[i]) // a card it cannot draw is reported by shareImages
		return nil
	})
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
